package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$|''",
        "$.universe|/universe",
        "$.universe[0].name|/universe/0/name",
        "$['a.b'].c|/a.b/c",
        "$[\"x/y\"]|/x~1y",
        "$.a~b|/a~0b",
        "/universe/0/name|/universe/0/name",
        "$[3][4]|/3/4"
      })
  void translatesToAPointer(String path, String pointer) {
    assertThat(JsonPaths.toPointer(path).toString()).isEqualTo(pointer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"universe", "$..name", "$.a[*]", "$.a[?(@.x)]", "$.", "$.a[0", "$x"})
  void rejectsWhatItDoesNotSupport(String path) {
    assertThatThrownBy(() -> JsonPaths.toPointer(path))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
