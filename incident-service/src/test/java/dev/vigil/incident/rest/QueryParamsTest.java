package dev.vigil.incident.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.IncidentFilter;
import dev.vigil.platform.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

  @ParameterizedTest(name = "limit ''{0}'' -> {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {"NONE, 100", "1, 1", "500, 500", "' 42 ', 42"})
  void acceptsLimitsFromOneToFiveHundred(String value, int expected) {
    assertThat(QueryParams.limit(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "limit ''{0}'' is refused")
  @ValueSource(strings = {"0", "-1", "501", "abc", "", "1.5", "99999999999"})
  void refusesOtherLimitsNamingTheParameter(String value) {
    assertThatThrownBy(() -> QueryParams.limit(value))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly("limit");
            });
  }

  @ParameterizedTest(name = "severity ''{0}'' -> {1}")
  @CsvSource({"critical, CRITICAL", "WARNING, WARNING", "' info ', INFO"})
  void acceptsSeveritiesInAnyCase(String value, Severity expected) {
    assertThat(QueryParams.severity(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "severity ''{0}'' is refused")
  @ValueSource(strings = {"", "fatal", "crit"})
  void refusesOtherSeveritiesNamingTheParameter(String value) {
    assertThatThrownBy(() -> QueryParams.severity(value))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(f -> f.field())
                    .containsExactly("severity"));
  }

  @Test
  void missingStatusMeansAll() {
    assertThat(QueryParams.status(null)).isEqualTo(IncidentFilter.ALL);
  }

  @ParameterizedTest(name = "status ''{0}'' is refused")
  @ValueSource(strings = {"closed", "", "triggered"})
  void refusesUnknownStatusNamingTheParameter(String value) {
    assertThatThrownBy(() -> QueryParams.status(value))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(f -> f.field())
                    .containsExactly("status"));
  }

  @ParameterizedTest(name = "id ''{0}'' is refused")
  @ValueSource(strings = {"42", "1-2-3-4-5", "not-a-uuid", "00000000-0000-0000-0000-00000000000g"})
  void refusesNonCanonicalIdsNamingTheParameter(String value) {
    assertThatThrownBy(() -> QueryParams.id(value))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly("id"));
  }

  @Test
  void acceptsCanonicalIds() {
    UUID id = UUID.randomUUID();
    assertThat(QueryParams.id(id.toString())).isEqualTo(id);
    assertThat(QueryParams.id(id.toString().toUpperCase())).isEqualTo(id);
  }
}
