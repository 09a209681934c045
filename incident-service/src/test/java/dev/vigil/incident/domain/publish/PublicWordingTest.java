package dev.vigil.incident.domain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublicWordingTest {

  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  static PublicUpdate update(PublicStatus status, String title, String body) {
    return new PublicUpdate(
        UUID.randomUUID(), UUID.randomUUID(), status, title, body, "alice", T0, "alice", T0);
  }

  static Stream<Arguments> cases() {
    PublicUpdate titled = update(PublicStatus.IDENTIFIED, "Deposits delayed", "Sequencer stuck.");
    PublicUpdate untitled = update(PublicStatus.MONITORING, null, "Fix deployed.");
    return Stream.of(
        arguments(
            "no update, triggered: generic investigating",
            IncidentStatus.TRIGGERED,
            List.of(),
            "API disruption",
            PublicStatus.INVESTIGATING,
            "We are investigating a problem affecting API."),
        arguments(
            "no update, acknowledged: generic identified",
            IncidentStatus.ACKNOWLEDGED,
            List.of(),
            "API disruption",
            PublicStatus.IDENTIFIED,
            "The problem affecting API has been identified."),
        arguments(
            "latest update's stage and text, latest title",
            IncidentStatus.TRIGGERED,
            List.of(untitled, titled),
            "Deposits delayed",
            PublicStatus.MONITORING,
            "Fix deployed."),
        arguments(
            "resolved wins over the last update's stage",
            IncidentStatus.RESOLVED,
            List.of(untitled),
            "API disruption",
            PublicStatus.RESOLVED,
            "Fix deployed."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wordsFollowTheResponders(
      String name,
      IncidentStatus incident,
      List<PublicUpdate> updates,
      String expectedName,
      PublicStatus expectedStatus,
      String expectedBody) {
    PublicWording words = PublicWording.of(incident, "API", updates);

    assertThat(words.name()).isEqualTo(expectedName);
    assertThat(words.status()).isEqualTo(expectedStatus);
    assertThat(words.body()).isEqualTo(expectedBody);
  }
}
