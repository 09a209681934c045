package dev.vigil.alert.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.IncidentEscalated;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscalationNoticeTest {

  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  static final String ID = "6f1c2b9e-8a4d-4f3e-9c1a-2b7d5e0f4a11";

  static IncidentEscalated step(String incident, int step, Instant chainStart) {
    return new IncidentEscalated(
        incident,
        "team=payments",
        "Checkout API down",
        Severity.WARNING,
        IncidentStatus.TRIGGERED,
        Map.of("team", "payments", "alertname", "ApiDown"),
        List.of("checkout-api"),
        "payments",
        step,
        3,
        List.of("ops"),
        T0,
        chainStart,
        chainStart.plusSeconds(600));
  }

  static Stream<Arguments> identity() {
    IncidentEscalated base = step(ID, 1, T0);
    return Stream.of(
        Arguments.of("the same step again (redelivery, replay)", base, step(ID, 1, T0), true),
        Arguments.of("the next step", base, step(ID, 2, T0), false),
        Arguments.of(
            "the same step of a restarted chain", base, step(ID, 1, T0.plusSeconds(7200)), false),
        Arguments.of(
            "another incident", base, step("0b7c0c4e-1111-4f3e-9c1a-2b7d5e0f4a11", 1, T0), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identity")
  void theLogKeyIsOnePerIncidentStepAndChain(
      String name, IncidentEscalated a, IncidentEscalated b, boolean same) {
    boolean equal =
        EscalationNotice.groupId(a).equals(EscalationNotice.groupId(b))
            && a.step() == b.step()
            && EscalationNotice.alertsHash(a).equals(EscalationNotice.alertsHash(b));
    assertThat(equal).isEqualTo(same);
  }

  @Test
  void theIncidentBecomesOneFiringAlertWithEscalationLabels() {
    Notification n = EscalationNotice.of(step(ID, 2, T0), "ops");

    assertThat(n.receiver()).isEqualTo("ops");
    assertThat(n.status()).isEqualTo("firing");
    assertThat(n.resolved()).isEmpty();
    assertThat(n.firing()).hasSize(1);
    NotifyAlert alert = n.firing().get(0);
    assertThat(alert.labels())
        .containsEntry("alertname", "IncidentEscalated")
        .containsEntry("incident_id", ID)
        .containsEntry("escalation_step", "2")
        .containsEntry("escalation_policy", "payments")
        .containsEntry("severity", "warning")
        .containsEntry("team", "payments");
    assertThat(alert.annotations())
        .containsEntry("summary", "Not acknowledged: Checkout API down")
        .containsEntry("components", "checkout-api");
    assertThat(alert.annotations().get("description"))
        .contains("escalation step 2 of 3 (policy payments)");
    assertThat(alert.startsAt()).isEqualTo(T0);
    assertThat(n.groupKey())
        .isEqualTo(
            "{}:{alertname=\"IncidentEscalated\", escalation_step=\"2\", incident_id=\""
                + ID
                + "\"}");
    assertThat(n.title())
        .isEqualTo("[FIRING:1] alertname=IncidentEscalated escalation_step=2 incident_id=" + ID);
  }

  @Test
  void eachStepPagesPagerDutyAnewButOneStepKeepsItsDedupKey() {
    Map<String, Object> first =
        Payloads.pagerDuty(EscalationNotice.of(step(ID, 1, T0), "ops"), "k", "error", null, T0);
    Map<String, Object> again =
        Payloads.pagerDuty(EscalationNotice.of(step(ID, 1, T0), "ops"), "k", "error", null, T0);
    Map<String, Object> second =
        Payloads.pagerDuty(EscalationNotice.of(step(ID, 2, T0), "ops"), "k", "error", null, T0);

    assertThat(first.get("dedup_key")).isEqualTo(again.get("dedup_key"));
    assertThat(first.get("dedup_key")).isNotEqualTo(second.get("dedup_key"));
    assertThat(first.get("event_action")).isEqualTo("trigger");
  }
}
