package dev.vigil.incident.rest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the console reads its forms and words their errors. */
class ConsoleFormsTest {

  @Test
  void matchLinesBecomeLabelPairsIgnoringBlankLines() {
    assertThat(ConsoleComponentResource.match("chain = base-mainnet\r\n\n team=edge \n"))
        .containsExactly(Map.entry("chain", "base-mainnet"), Map.entry("team", "edge"));
    assertThat(ConsoleComponentResource.match(null)).isEmpty();
  }

  @ParameterizedTest(name = "match ''{0}'' is refused")
  @ValueSource(strings = {"chain", "=base-mainnet", "chain=ok\nteam"})
  void matchLinesWithoutALabelAreRefusedNamingMatch(String text) {
    assertThatThrownBy(() -> ConsoleComponentResource.match(text))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(f -> f.field())
                    .containsExactly("match"));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
    "2026-06-01T22:00, 2026-06-01T22:00:00Z",
    "' 2026-12-31T23:59 ', 2026-12-31T23:59:00Z"
  })
  void dateTimeInputsAreReadAsUtc(String input, String expected) {
    assertThat(Times.parse("startsAt", input)).isEqualTo(Instant.parse(expected));
    assertThat(Times.input(Instant.parse(expected))).isEqualTo(input.strip());
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"tomorrow", "2026-13-01T00:00", "01/06/2026 22:00"})
  void otherDateTimesAreRefusedNamingTheField(String input) {
    assertThatThrownBy(() -> Times.parse("endsAt", input))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(f -> f.field())
                    .containsExactly("endsAt"));
  }

  @Test
  void blankDateTimeIsMissingNotInvalid() {
    assertThat(Times.parse("startsAt", "  ")).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "text, The note must not be blank",
    "components[1], The components must not be blank",
    "match.team, The match team must not be blank"
  })
  void fieldErrorsReadAsSentences(String field, String sentence) {
    FormError error =
        FormError.of("form", ProblemException.invalidField(field, "must not be blank"));
    assertThat(error.message()).isEqualTo(sentence);
    assertThat(error.status()).isEqualTo(400);
  }

  @Test
  void anErrorConcernsItsFieldAndItsParts() {
    FormError error = new FormError("m", "components[0]", "x", 400);
    assertThat(error.concerns("components")).isTrue();
    assertThat(error.concerns("component")).isFalse();
    assertThat(new FormError("c", "match.team", "x", 400).concerns("match")).isTrue();
  }

  @Test
  void aProblemWithoutFieldsKeepsItsDetail() {
    ProblemException conflict =
        new ProblemException(
            409, "Incident resolved", "incident x is resolved", List.<Problem.FieldError>of());
    FormError error = FormError.of("resolve", conflict);
    assertThat(error.field()).isNull();
    assertThat(error.message()).isEqualTo("incident x is resolved");
    assertThat(error.status()).isEqualTo(409);
  }
}
