package dev.vigil.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentFilterTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "open, OPEN",
        "resolved, RESOLVED",
        "all, ALL",
        "OPEN, OPEN",
        "' all ', ALL",
        "closed, NONE",
        "'', NONE",
        "NONE, NONE"
      })
  void parsesTheAcceptedNames(String value, IncidentFilter expected) {
    assertThat(IncidentFilter.parse(value)).isEqualTo(Optional.ofNullable(expected));
  }
}
