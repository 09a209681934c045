package dev.vigil.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupKeyTest {

  private static final Map<String, String> LABELS =
      Map.of("alertname", "CertificateExpiring", "target_id", "abc", "env", "prod");

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of(
            "default: one group per target", LABELS, List.of("target_id"), "{target_id=\"abc\"}"),
        Arguments.of(
            "several labels are sorted by name",
            LABELS,
            List.of("target_id", "env"),
            "{env=\"prod\",target_id=\"abc\"}"),
        Arguments.of(
            "missing labels are left out",
            LABELS,
            List.of("team", "target_id"),
            "{target_id=\"abc\"}"),
        Arguments.of("no group-by: one group for everything", LABELS, List.of(), "{}"),
        Arguments.of(
            "quotes and backslashes are escaped",
            Map.of("t", "a\"b\\c"),
            List.of("t"),
            "{t=\"a\\\"b\\\\c\"}"),
        Arguments.of("newlines are escaped", Map.of("t", "a\nb"), List.of("t"), "{t=\"a\\nb\"}"),
        Arguments.of(
            "duplicate group-by names count once",
            LABELS,
            List.of("target_id", "target_id"),
            "{target_id=\"abc\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void buildsTheGroupKey(
      String name, Map<String, String> labels, List<String> groupBy, String expected) {
    assertThat(GroupKey.of(labels, groupBy)).isEqualTo(expected);
  }
}
