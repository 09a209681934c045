package dev.vigil.alert.domain.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request bodies of each integration, as plain maps and lists (serialised to JSON outside the
 * domain). Formats are fixed, not templated: they follow Alertmanager's defaults.
 */
public final class Payloads {

  /** Alertmanager renders "not resolved" as Go's zero time. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final Set<String> PAGERDUTY_SEVERITIES =
      Set.of("critical", "error", "warning", "info");

  private Payloads() {}

  /**
   * The Alertmanager webhook payload, version 4.
   *
   * @param maxAlerts {@code max_alerts}: 0 = all; the rest are counted in {@code truncatedAlerts}
   */
  public static Map<String, Object> alertmanagerWebhook(
      Notification n, String externalUrl, int maxAlerts) {
    List<NotifyAlert> all = n.alerts();
    int truncated = maxAlerts > 0 && all.size() > maxAlerts ? all.size() - maxAlerts : 0;
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (NotifyAlert a : all.subList(0, all.size() - truncated)) {
      Map<String, Object> alert = new LinkedHashMap<>();
      alert.put("status", a.resolved() ? "resolved" : "firing");
      alert.put("labels", a.labels());
      alert.put("annotations", a.annotations());
      alert.put("startsAt", a.startsAt().toString());
      alert.put("endsAt", a.resolved() ? a.endsAt().toString() : ZERO_TIME);
      alert.put("generatorURL", a.generatorUrl() == null ? "" : a.generatorUrl());
      alert.put("fingerprint", a.fingerprint());
      alerts.add(alert);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "4");
    body.put("groupKey", n.groupKey());
    body.put("truncatedAlerts", truncated);
    body.put("status", n.status());
    body.put("receiver", n.receiver());
    body.put("groupLabels", n.groupLabels());
    body.put("commonLabels", n.commonLabels());
    body.put("commonAnnotations", n.commonAnnotations());
    body.put("externalURL", externalUrl);
    body.put("alerts", alerts);
    return body;
  }

  /** A Slack incoming-webhook message: a title line plus one coloured attachment. */
  public static Map<String, Object> slack(Notification n, String channel, String username) {
    StringBuilder text = new StringBuilder();
    for (NotifyAlert a : n.alerts()) {
      text.append(a.resolved() ? "[resolved] " : "[firing] ")
          .append(a.labels().getOrDefault("alertname", a.fingerprint()));
      String summary = a.annotations().get("summary");
      if (summary != null) {
        text.append(": ").append(summary);
      }
      text.append('\n');
    }
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("color", n.firing().isEmpty() ? "good" : "danger");
    attachment.put("title", n.title());
    attachment.put("text", text.toString().trim());
    attachment.put("fallback", n.title());
    Map<String, Object> body = new LinkedHashMap<>();
    if (channel != null) {
      body.put("channel", channel);
    }
    if (username != null) {
      body.put("username", username);
    }
    body.put("text", n.title());
    body.put("attachments", List.of(attachment));
    return body;
  }

  /**
   * A PagerDuty Events API v2 event. The dedup key is a hash of the group key (as Alertmanager
   * does), so the incident opened by the first notification is the one a later resolve closes.
   */
  public static Map<String, Object> pagerDuty(
      Notification n, String routingKey, String defaultSeverity, String clientUrl, Instant now) {
    boolean resolve = n.firing().isEmpty();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("routing_key", routingKey);
    body.put("event_action", resolve ? "resolve" : "trigger");
    body.put("dedup_key", LabelSets.sha256(n.groupKey()));
    if (!resolve) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("summary", truncate(n.title(), 1024));
      payload.put("source", n.commonLabels().getOrDefault("instance", "vigil"));
      payload.put("severity", pagerDutySeverity(n.commonLabels().get("severity"), defaultSeverity));
      payload.put("timestamp", now.toString());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("firing", describe(n.firing()));
      details.put("resolved", describe(n.resolved()));
      details.put("num_firing", n.firing().size());
      details.put("num_resolved", n.resolved().size());
      payload.put("custom_details", details);
      body.put("payload", payload);
      body.put("client", "Vigil");
      if (clientUrl != null) {
        body.put("client_url", clientUrl);
      }
    }
    return body;
  }

  /** Vigil severities map onto PagerDuty's four; anything else takes the configured default. */
  static String pagerDutySeverity(String label, String defaultSeverity) {
    String s = label == null ? "" : label.toLowerCase(Locale.ROOT);
    return PAGERDUTY_SEVERITIES.contains(s) ? s : defaultSeverity;
  }

  /** Subject and plain-text body of a notification e-mail. */
  public record Email(String subject, String body) {}

  public static Email email(Notification n, String externalUrl) {
    StringBuilder body = new StringBuilder();
    body.append(n.title()).append("\n\n");
    appendSection(body, "Firing", n.firing());
    appendSection(body, "Resolved", n.resolved());
    if (externalUrl != null) {
      body.append("Sent by Vigil: ").append(externalUrl).append('\n');
    }
    return new Email(n.title(), body.toString());
  }

  private static void appendSection(StringBuilder body, String name, List<NotifyAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    body.append(name).append(" (").append(alerts.size()).append("):\n");
    body.append(describe(alerts)).append('\n');
  }

  private static String describe(List<NotifyAlert> alerts) {
    StringBuilder out = new StringBuilder();
    for (NotifyAlert a : alerts) {
      out.append("- ").append(LabelSets.format(a.labels()));
      a.annotations().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.append("\n  ").append(e.getKey()).append(": ").append(e.getValue()));
      out.append("\n  since ").append(a.startsAt());
      if (a.resolved()) {
        out.append(", resolved ").append(a.endsAt());
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
