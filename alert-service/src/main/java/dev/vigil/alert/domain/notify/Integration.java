package dev.vigil.alert.domain.notify;

import java.util.List;

/**
 * One way of reaching a receiver. Fields holding secrets (URLs with tokens, routing keys,
 * passwords) are left out of {@code toString}, so a logged configuration never leaks them.
 */
public sealed interface Integration {

  /** Whether resolved alerts are sent (Alertmanager's per-integration defaults apply). */
  boolean sendResolved();

  /** Short name for logs and the notification log: {@code webhook}, {@code slack}, ... */
  String kind();

  /** Generic webhook with the Alertmanager v4 payload; {@code max_alerts} 0 = all. */
  record Webhook(String url, boolean sendResolved, int maxAlerts) implements Integration {
    @Override
    public String kind() {
      return "webhook";
    }

    @Override
    public String toString() {
      return "Webhook[url=<secret>, sendResolved="
          + sendResolved
          + ", maxAlerts="
          + maxAlerts
          + "]";
    }
  }

  /** Slack-compatible incoming webhook. */
  record Slack(String apiUrl, String channel, String username, boolean sendResolved)
      implements Integration {
    @Override
    public String kind() {
      return "slack";
    }

    @Override
    public String toString() {
      return "Slack[apiUrl=<secret>, channel=" + channel + ", sendResolved=" + sendResolved + "]";
    }
  }

  /** PagerDuty Events API v2. */
  record PagerDuty(
      String routingKey, String url, String severity, String clientUrl, boolean sendResolved)
      implements Integration {
    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

    @Override
    public String kind() {
      return "pagerduty";
    }

    @Override
    public String toString() {
      return "PagerDuty[routingKey=<secret>, url=" + url + ", sendResolved=" + sendResolved + "]";
    }
  }

  /**
   * E-mail over SMTP. {@code requireTls}: STARTTLS is mandatory (Alertmanager's default is true).
   */
  record Email(
      List<String> to,
      String from,
      String host,
      int port,
      String authUsername,
      String authPassword,
      boolean requireTls,
      boolean sendResolved)
      implements Integration {
    public Email {
      to = List.copyOf(to);
    }

    @Override
    public String kind() {
      return "email";
    }

    @Override
    public String toString() {
      return "Email[to="
          + to
          + ", from="
          + from
          + ", smarthost="
          + host
          + ":"
          + port
          + ", authUsername="
          + authUsername
          + ", authPassword=<secret>, requireTls="
          + requireTls
          + "]";
    }
  }
}
