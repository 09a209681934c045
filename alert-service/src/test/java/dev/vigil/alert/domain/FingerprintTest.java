package dev.vigil.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintTest {

  private static final Map<String, String> LABELS =
      Map.of(
          "alertname", "CertificateExpiring",
          "target_id", "t-1",
          "host", "example.com",
          "port", "443");

  @Test
  void fingerprintIsPinned() {
    // Fingerprints are stored and sent to other services: the algorithm must never drift.
    // Value computed independently (Python: SHA-256 over sorted, 4-byte length-prefixed UTF-8).
    assertThat(Fingerprint.of(LABELS)).isEqualTo("9f8fc67ee7fe2b1fd6189b1c681973bb");
    assertThat(Fingerprint.of(Map.of())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb924");
  }

  @Test
  void fingerprintIs32LowerCaseHexCharacters() {
    assertThat(Fingerprint.of(LABELS)).matches("[0-9a-f]{32}");
  }

  @Test
  void labelOrderDoesNotMatter() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("port", "443");
    reversed.put("host", "example.com");
    reversed.put("target_id", "t-1");
    reversed.put("alertname", "CertificateExpiring");
    assertThat(Fingerprint.of(reversed)).isEqualTo(Fingerprint.of(LABELS));
  }

  static Stream<Arguments> differentLabelSets() {
    return Stream.of(
        Arguments.of("separator inside a value", Map.of("a", "b,c"), Map.of("a", "b", ",c", "")),
        Arguments.of("equals sign inside a value", Map.of("a", "b=c"), Map.of("a", "b", "c", "")),
        Arguments.of("key and value shifted", Map.of("ab", "c"), Map.of("a", "bc")),
        Arguments.of(
            "empty value versus missing label", Map.of("a", "b", "c", ""), Map.of("a", "b")),
        Arguments.of("swapped values", Map.of("a", "1", "b", "2"), Map.of("a", "2", "b", "1")),
        Arguments.of("another target", Map.of("target_id", "t-1"), Map.of("target_id", "t-2")),
        Arguments.of("case matters", Map.of("host", "Example"), Map.of("host", "example")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("differentLabelSets")
  void differentLabelSetsGetDifferentFingerprints(
      String name, Map<String, String> one, Map<String, String> other) {
    assertThat(Fingerprint.of(one)).isNotEqualTo(Fingerprint.of(other));
  }
}
