package dev.vigil.incident.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscalatorTest {

  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  static final UUID ID = UUID.fromString("6f1c2b9e-8a4d-4f3e-9c1a-2b7d5e0f4a11");

  static final EscalationPolicies POLICIES =
      new EscalationPolicies(
          List.of(
              EscalationPolicyParser.parse("default", null, null, "15m ops; 15m ops-lead"),
              EscalationPolicyParser.parse("critical", null, "critical", "5m pager; 5m cto"),
              EscalationPolicyParser.parse("trading", "trading-api", null, "10m trading"),
              EscalationPolicyParser.parse(
                  "trading-critical", "trading-api,order-book", "critical", "1m trading-pager"),
              EscalationPolicyParser.parse("quiet", "status-page", null, "none")));

  static Escalator at(Instant now) {
    return new Escalator(POLICIES, Clock.fixed(now, ZoneOffset.UTC));
  }

  static IncidentFacts facts(IncidentStatus status, Severity severity, String... components) {
    return new IncidentFacts(ID, status, severity, List.of(components));
  }

  static Escalation pending(String policy, int nextStep, Instant due) {
    return new Escalation(
        ID,
        policy,
        Escalation.State.PENDING,
        nextStep,
        nextStep,
        due,
        T0,
        nextStep == 0 ? null : due.minusSeconds(60),
        null);
  }

  static Stream<Arguments> policyChoice() {
    return Stream.of(
        Arguments.of("nothing specific: default", Severity.WARNING, List.of(), "default"),
        Arguments.of("severity matches", Severity.CRITICAL, List.of("web"), "critical"),
        Arguments.of(
            "component beats severity", Severity.WARNING, List.of("trading-api"), "trading"),
        Arguments.of(
            "component and severity beat component",
            Severity.CRITICAL,
            List.of("order-book"),
            "trading-critical"),
        Arguments.of(
            "any of the incident's components",
            Severity.INFO,
            List.of("web", "trading-api"),
            "trading"),
        Arguments.of("policy without steps", Severity.INFO, List.of("status-page"), "quiet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policyChoice")
  void choosesTheMostSpecificPolicy(
      String name, Severity severity, List<String> components, String expected) {
    assertThat(POLICIES.forIncident(severity, components).name()).isEqualTo(expected);
  }

  static Stream<Arguments> afterChange() {
    Escalation running = pending("default", 1, T0.plus(Duration.ofMinutes(30)));
    return Stream.of(
        Arguments.of(
            "opening starts the chain: first step after its delay",
            facts(IncidentStatus.TRIGGERED, Severity.WARNING),
            T0,
            Optional.empty(),
            Optional.of(
                new Escalation(
                    ID,
                    "default",
                    Escalation.State.PENDING,
                    0,
                    0,
                    T0.plus(Duration.ofMinutes(15)),
                    T0,
                    null,
                    null))),
        Arguments.of(
            "reopening restarts the chain from its first step",
            facts(IncidentStatus.TRIGGERED, Severity.CRITICAL),
            T0.plusSeconds(3600),
            Optional.of(running.ended(Escalation.State.CANCELLED, "resolved")),
            Optional.of(
                new Escalation(
                    ID,
                    "critical",
                    Escalation.State.PENDING,
                    0,
                    0,
                    T0.plusSeconds(3600 + 300),
                    T0.plusSeconds(3600),
                    null,
                    null))),
        Arguments.of(
            "acknowledging cancels the pending step",
            facts(IncidentStatus.ACKNOWLEDGED, Severity.WARNING),
            null,
            Optional.of(running),
            Optional.of(running.ended(Escalation.State.CANCELLED, "acknowledged"))),
        Arguments.of(
            "resolving cancels the pending step",
            facts(IncidentStatus.RESOLVED, Severity.WARNING),
            null,
            Optional.of(running),
            Optional.of(running.ended(Escalation.State.CANCELLED, "resolved"))),
        Arguments.of(
            "resolving an already finished chain changes nothing",
            facts(IncidentStatus.RESOLVED, Severity.WARNING),
            null,
            Optional.of(running.ended(Escalation.State.DONE, "exhausted")),
            Optional.empty()),
        Arguments.of(
            "an update of a triggered incident changes nothing",
            facts(IncidentStatus.TRIGGERED, Severity.WARNING),
            null,
            Optional.of(running),
            Optional.empty()),
        Arguments.of(
            "a policy without steps is done at once",
            facts(IncidentStatus.TRIGGERED, Severity.INFO, "status-page"),
            T0,
            Optional.empty(),
            Optional.of(
                new Escalation(
                    ID, "quiet", Escalation.State.DONE, 0, -1, null, T0, null, "no steps"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("afterChange")
  void decidesWhatAChangeDoesToTheChain(
      String name,
      IncidentFacts incident,
      Instant chainStart,
      Optional<Escalation> current,
      Optional<Escalation> expected) {
    assertThat(at(T0).afterChange(incident, chainStart, current)).isEqualTo(expected);
  }

  static Stream<Arguments> due() {
    Instant due = T0.plus(Duration.ofMinutes(15));
    return Stream.of(
        Arguments.of(
            "not due yet: wait",
            pending("default", 0, due),
            due.minusMillis(1),
            facts(IncidentStatus.TRIGGERED, Severity.WARNING),
            Escalator.Due.Kind.WAIT,
            0,
            List.of(),
            Escalation.State.PENDING),
        Arguments.of(
            "first step due: escalate, second due one delay after now",
            pending("default", 0, due),
            due.plusSeconds(2),
            facts(IncidentStatus.TRIGGERED, Severity.WARNING),
            Escalator.Due.Kind.ESCALATE,
            1,
            List.of("ops"),
            Escalation.State.PENDING),
        Arguments.of(
            "last step due: escalate and finish",
            pending("default", 1, due),
            due,
            facts(IncidentStatus.TRIGGERED, Severity.WARNING),
            Escalator.Due.Kind.ESCALATE,
            2,
            List.of("ops-lead"),
            Escalation.State.DONE),
        Arguments.of(
            "acknowledged meanwhile: cancel, nobody notified",
            pending("default", 0, due),
            due,
            facts(IncidentStatus.ACKNOWLEDGED, Severity.WARNING),
            Escalator.Due.Kind.SETTLE,
            0,
            List.of(),
            Escalation.State.CANCELLED),
        Arguments.of(
            "turned critical: the critical chain's step of the same index",
            pending("default", 1, due),
            due,
            facts(IncidentStatus.TRIGGERED, Severity.CRITICAL),
            Escalator.Due.Kind.ESCALATE,
            2,
            List.of("cto"),
            Escalation.State.DONE),
        Arguments.of(
            "new policy has fewer steps: done without notifying",
            pending("default", 1, due),
            due,
            facts(IncidentStatus.TRIGGERED, Severity.WARNING, "trading-api"),
            Escalator.Due.Kind.SETTLE,
            0,
            List.of(),
            Escalation.State.DONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("due")
  void decidesWhatADueStepDoes(
      String name,
      Escalation escalation,
      Instant now,
      IncidentFacts incident,
      Escalator.Due.Kind kind,
      int stepNumber,
      List<String> receivers,
      Escalation.State after) {
    Escalator.Due due = at(now).decide(escalation, incident);

    assertThat(due.kind()).isEqualTo(kind);
    assertThat(due.stepNumber()).isEqualTo(stepNumber);
    assertThat(due.step() == null ? List.of() : due.step().receivers()).isEqualTo(receivers);
    assertThat(due.next().state()).isEqualTo(after);
  }

  @Test
  void theNextStepCountsFromWhenThePreviousOneEscalatedNotFromWhenItWasDue() {
    Instant due = T0.plus(Duration.ofMinutes(15));
    Instant late = due.plus(Duration.ofHours(2)); // the service was down

    Escalator.Due d =
        at(late)
            .decide(pending("default", 0, due), facts(IncidentStatus.TRIGGERED, Severity.WARNING));

    assertThat(d.next().dueAt()).isEqualTo(late.plus(Duration.ofMinutes(15)));
    assertThat(d.next().lastEscalatedAt()).isEqualTo(late);
    assertThat(d.next().level()).isEqualTo(1);
    assertThat(d.next().triggeredAt()).isEqualTo(T0);
  }

  @Test
  void aDefaultPolicyIsAddedWithoutStepsAndCannotBeNarrowed() {
    EscalationPolicies none = new EscalationPolicies(List.of());
    assertThat(none.forIncident(Severity.CRITICAL, Set.of()).steps()).isEmpty();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new EscalationPolicies(
                    List.of(EscalationPolicyParser.parse("default", "api", null, "1m a"))))
        .hasMessageContaining("vigil.escalation.policies.default");
  }
}
