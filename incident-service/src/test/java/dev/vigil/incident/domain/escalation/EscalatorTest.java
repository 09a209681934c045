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

  static IncidentFacts triggered(Severity severity, String... components) {
    return facts(IncidentStatus.TRIGGERED, severity, components);
  }

  /** A chain that starts at {@code start}, its first step due at {@code due}. */
  static Escalation started(String policy, Instant start, Instant due) {
    return new Escalation(ID, policy, Escalation.State.PENDING, 0, 0, due, start, null, null);
  }

  record Choice(String name, Severity severity, List<String> components, String policy) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Choice> policyChoice() {
    return Stream.of(
        new Choice("nothing specific: default", Severity.WARNING, List.of(), "default"),
        new Choice("severity matches", Severity.CRITICAL, List.of("web"), "critical"),
        new Choice("component beats severity", Severity.WARNING, List.of("trading-api"), "trading"),
        new Choice(
            "component and severity beat component",
            Severity.CRITICAL,
            List.of("order-book"),
            "trading-critical"),
        new Choice(
            "any of the incident's components",
            Severity.INFO,
            List.of("web", "trading-api"),
            "trading"),
        new Choice("policy without steps", Severity.INFO, List.of("status-page"), "quiet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policyChoice")
  void choosesTheMostSpecificPolicy(Choice c) {
    assertThat(POLICIES.forIncident(c.severity(), c.components()).name()).isEqualTo(c.policy());
  }

  /**
   * An incident change and the chain it finds.
   *
   * @param chainStart when the chain would start (the incident's opening or reopening)
   * @param expected the chain written, if any
   */
  record Change(
      String name,
      IncidentFacts incident,
      Instant chainStart,
      Optional<Escalation> current,
      Optional<Escalation> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Change> afterChange() {
    Escalation running = pending("default", 1, T0.plus(Duration.ofMinutes(30)));
    Instant reopened = T0.plusSeconds(3600);
    return Stream.of(
        new Change(
            "opening starts the chain: first step after its delay",
            triggered(Severity.WARNING),
            T0,
            Optional.empty(),
            Optional.of(started("default", T0, T0.plus(Duration.ofMinutes(15))))),
        new Change(
            "reopening restarts the chain from its first step",
            triggered(Severity.CRITICAL),
            reopened,
            Optional.of(running.ended(Escalation.State.CANCELLED, "resolved")),
            Optional.of(started("critical", reopened, reopened.plusSeconds(300)))),
        new Change(
            "acknowledging cancels the pending step",
            facts(IncidentStatus.ACKNOWLEDGED, Severity.WARNING),
            null,
            Optional.of(running),
            Optional.of(running.ended(Escalation.State.CANCELLED, "acknowledged"))),
        new Change(
            "resolving cancels the pending step",
            facts(IncidentStatus.RESOLVED, Severity.WARNING),
            null,
            Optional.of(running),
            Optional.of(running.ended(Escalation.State.CANCELLED, "resolved"))),
        new Change(
            "resolving an already finished chain changes nothing",
            facts(IncidentStatus.RESOLVED, Severity.WARNING),
            null,
            Optional.of(running.ended(Escalation.State.DONE, "exhausted")),
            Optional.empty()),
        new Change(
            "an update of a triggered incident changes nothing",
            triggered(Severity.WARNING),
            null,
            Optional.of(running),
            Optional.empty()),
        new Change(
            "a policy without steps is done at once",
            triggered(Severity.INFO, "status-page"),
            T0,
            Optional.empty(),
            Optional.of(
                new Escalation(
                    ID, "quiet", Escalation.State.DONE, 0, -1, null, T0, null, "no steps"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("afterChange")
  void decidesWhatAChangeDoesToTheChain(Change c) {
    assertThat(at(T0).afterChange(c.incident(), c.chainStart(), c.current()))
        .isEqualTo(c.expected());
  }

  /**
   * What a due step must do.
   *
   * @param stepNumber the step's number (0: none taken)
   * @param receivers who is notified
   * @param after the chain's state afterwards
   */
  record Outcome(
      Escalator.Due.Kind kind, int stepNumber, List<String> receivers, Escalation.State after) {
    static Outcome waits() {
      return new Outcome(Escalator.Due.Kind.WAIT, 0, List.of(), Escalation.State.PENDING);
    }

    static Outcome escalates(int step, String receiver, Escalation.State after) {
      return new Outcome(Escalator.Due.Kind.ESCALATE, step, List.of(receiver), after);
    }

    static Outcome settles(Escalation.State after) {
      return new Outcome(Escalator.Due.Kind.SETTLE, 0, List.of(), after);
    }
  }

  record DueStep(
      String name, Escalation escalation, Instant now, IncidentFacts incident, Outcome outcome) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<DueStep> due() {
    Instant due = T0.plus(Duration.ofMinutes(15));
    Escalation first = pending("default", 0, due);
    Escalation last = pending("default", 1, due);
    return Stream.of(
        new DueStep(
            "not due yet: wait",
            first,
            due.minusMillis(1),
            triggered(Severity.WARNING),
            Outcome.waits()),
        new DueStep(
            "first step due: escalate, second due one delay after now",
            first,
            due.plusSeconds(2),
            triggered(Severity.WARNING),
            Outcome.escalates(1, "ops", Escalation.State.PENDING)),
        new DueStep(
            "last step due: escalate and finish",
            last,
            due,
            triggered(Severity.WARNING),
            Outcome.escalates(2, "ops-lead", Escalation.State.DONE)),
        new DueStep(
            "acknowledged meanwhile: cancel, nobody notified",
            first,
            due,
            facts(IncidentStatus.ACKNOWLEDGED, Severity.WARNING),
            Outcome.settles(Escalation.State.CANCELLED)),
        new DueStep(
            "turned critical: the critical chain's step of the same index",
            last,
            due,
            triggered(Severity.CRITICAL),
            Outcome.escalates(2, "cto", Escalation.State.DONE)),
        new DueStep(
            "new policy has fewer steps: done without notifying",
            last,
            due,
            triggered(Severity.WARNING, "trading-api"),
            Outcome.settles(Escalation.State.DONE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("due")
  void decidesWhatADueStepDoes(DueStep c) {
    Escalator.Due due = at(c.now()).decide(c.escalation(), c.incident());

    assertThat(due.kind()).isEqualTo(c.outcome().kind());
    assertThat(due.stepNumber()).isEqualTo(c.outcome().stepNumber());
    assertThat(due.step() == null ? List.of() : due.step().receivers())
        .isEqualTo(c.outcome().receivers());
    assertThat(due.next().state()).isEqualTo(c.outcome().after());
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
