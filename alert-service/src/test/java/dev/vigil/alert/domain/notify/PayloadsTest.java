package dev.vigil.alert.domain.notify;

import static dev.vigil.alert.domain.notify.Alerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadsTest {

  static final NotifyAlert LAG_A =
      new NotifyAlert(
          "fa",
          Map.of("alertname", "ChainLag", "chain", "base", "node", "a", "severity", "critical"),
          Map.of("summary", "lagging", "runbook", "r1"),
          T0,
          null,
          "http://gen/a");
  static final NotifyAlert LAG_B =
      new NotifyAlert(
          "fb",
          Map.of("alertname", "ChainLag", "chain", "base", "node", "b", "severity", "critical"),
          Map.of("summary", "lagging", "runbook", "r2"),
          T0.plusSeconds(1),
          T0.plusSeconds(60),
          null);

  static final Notification N =
      new Notification(
          "g/1",
          "team",
          "{}:{alertname=\"ChainLag\"}",
          Map.of("alertname", "ChainLag"),
          List.of(LAG_A),
          List.of(LAG_B));

  @Test
  @SuppressWarnings("unchecked")
  void webhookIsAlertmanagerVersion4() {
    Map<String, Object> body = Payloads.alertmanagerWebhook(N, "http://vigil", 0);
    assertThat(body)
        .containsEntry("version", "4")
        .containsEntry("groupKey", "{}:{alertname=\"ChainLag\"}")
        .containsEntry("truncatedAlerts", 0)
        .containsEntry("status", "firing")
        .containsEntry("receiver", "team")
        .containsEntry("groupLabels", Map.of("alertname", "ChainLag"))
        .containsEntry(
            "commonLabels",
            Map.of("alertname", "ChainLag", "chain", "base", "severity", "critical"))
        .containsEntry("commonAnnotations", Map.of("summary", "lagging"))
        .containsEntry("externalURL", "http://vigil");
    List<Map<String, Object>> alerts = (List<Map<String, Object>>) body.get("alerts");
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0))
        .containsEntry("status", "firing")
        .containsEntry("startsAt", "2026-11-25T10:00:00Z")
        .containsEntry("endsAt", "0001-01-01T00:00:00Z")
        .containsEntry("generatorURL", "http://gen/a")
        .containsEntry("fingerprint", "fa");
    assertThat(alerts.get(1))
        .containsEntry("status", "resolved")
        .containsEntry("endsAt", "2026-11-25T10:01:00Z");
    assertThat(alerts.get(0).keySet())
        .containsExactly(
            "status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint");
  }

  @Test
  void webhookTruncatesToMaxAlerts() {
    Map<String, Object> body = Payloads.alertmanagerWebhook(N, "http://vigil", 1);
    assertThat(body).containsEntry("truncatedAlerts", 1);
    assertThat((List<?>) body.get("alerts")).hasSize(1);
  }

  @Test
  void allResolvedIsStatusResolved() {
    Notification resolved =
        new Notification("g/2", "team", "k", Map.of(), List.of(), List.of(LAG_B));
    assertThat(Payloads.alertmanagerWebhook(resolved, "x", 0)).containsEntry("status", "resolved");
    assertThat(Payloads.pagerDuty(resolved, "key", "error", null, T0))
        .containsEntry("event_action", "resolve")
        .doesNotContainKey("payload");
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagerDutyTriggersWithAStableDedupKey() {
    Map<String, Object> body = Payloads.pagerDuty(N, "rk", "error", "http://vigil", T0);
    assertThat(body)
        .containsEntry("routing_key", "rk")
        .containsEntry("event_action", "trigger")
        .containsEntry("dedup_key", LabelSets.sha256(N.groupKey()));
    Map<String, Object> payload = (Map<String, Object>) body.get("payload");
    assertThat(payload)
        .containsEntry("summary", "[FIRING:1] alertname=ChainLag")
        .containsEntry("severity", "critical")
        .containsEntry("timestamp", "2026-11-25T10:00:00Z")
        .containsKeys("source", "custom_details");
  }

  static Stream<Arguments> severities() {
    return Stream.of(
        Arguments.of("critical", "critical"),
        Arguments.of("WARNING", "warning"),
        Arguments.of("info", "info"),
        Arguments.of("page", "error"),
        Arguments.of(null, "error"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("severities")
  void pagerDutySeverityFallsBackToTheDefault(String label, String expected) {
    assertThat(Payloads.pagerDutySeverity(label, "error")).isEqualTo(expected);
  }

  @Test
  @SuppressWarnings("unchecked")
  void slackHasTextAndAColouredAttachment() {
    Map<String, Object> body = Payloads.slack(N, "#ops", null);
    assertThat(body)
        .containsEntry("channel", "#ops")
        .containsEntry("text", "[FIRING:1] alertname=ChainLag");
    Map<String, Object> attachment = ((List<Map<String, Object>>) body.get("attachments")).get(0);
    assertThat(attachment).containsEntry("color", "danger");
    assertThat((String) attachment.get("text"))
        .contains("[firing] ChainLag: lagging", "[resolved] ChainLag");
  }

  @Test
  void emailHasASubjectAndBothSections() {
    Payloads.Email mail = Payloads.email(N, "http://vigil");
    assertThat(mail.subject()).isEqualTo("[FIRING:1] alertname=ChainLag");
    assertThat(mail.body())
        .contains("Firing (1):", "Resolved (1):", "node=\"a\"", "runbook: r1", "http://vigil");
  }
}
