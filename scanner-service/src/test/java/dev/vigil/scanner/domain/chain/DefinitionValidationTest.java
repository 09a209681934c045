package dev.vigil.scanner.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefinitionValidationTest {

  private static final AddressPolicy POLICY = AddressPolicy.defaults();
  private static final String SECRET_URL = "https://mainnet.example.com/v3/sk-very-secret";

  private static final ChainSpec CHAIN =
      new ChainSpec(
          "base-mainnet",
          "Base",
          ChainFamily.EVM,
          "8453",
          Duration.ofSeconds(2),
          Map.of("env", "prod"),
          null);

  private static final ProviderSpec PROVIDER =
      new ProviderSpec(
          "base-primary",
          "base-mainnet",
          "Primary",
          ChainFamily.EVM,
          SECRET_URL,
          Map.of("Authorization", "env:BASE_TOKEN"),
          Duration.ofSeconds(10),
          Duration.ofSeconds(5),
          null,
          Map.of());

  private static final ApiSpec API =
      new ApiSpec(
          "hl-info",
          "Hyperliquid info",
          "hyperliquid",
          "https://api.example.com/info",
          new ApiCheck("POST", "{}", Map.of(), 200, "$.ok", "true", Duration.ofSeconds(1)),
          Duration.ofSeconds(30),
          null,
          Map.of());

  @Test
  void validDefinitionsHaveNoViolations() {
    assertThat(CHAIN.violations()).isEmpty();
    assertThat(PROVIDER.violations(POLICY)).isEmpty();
    assertThat(API.violations(POLICY)).isEmpty();
  }

  static Stream<Arguments> badChains() {
    return Stream.of(
        chain("upper-case id", c -> with(c, "Base", c.family(), c.blockTime()), "id"),
        chain("blank id", c -> with(c, "", c.family(), c.blockTime()), "id"),
        chain(
            "HTTP is no chain family",
            c -> with(c, c.id(), ChainFamily.HTTP, c.blockTime()),
            "family"),
        chain("no family", c -> with(c, c.id(), null, c.blockTime()), "family"),
        chain("no block time", c -> with(c, c.id(), c.family(), null), "blockTimeMillis"),
        chain(
            "block time 50 ms",
            c -> with(c, c.id(), c.family(), Duration.ofMillis(50)),
            "blockTimeMillis"),
        chain(
            "block time two hours",
            c -> with(c, c.id(), c.family(), Duration.ofHours(2)),
            "blockTimeMillis"),
        chain(
            "negative threshold",
            c ->
                new ChainSpec(
                    c.id(),
                    c.name(),
                    c.family(),
                    c.expectedChainId(),
                    c.blockTime(),
                    c.labels(),
                    new ThresholdOverrides(-1L, null, null, null, null)),
            "thresholds.maxHeadAgeSeconds"),
        chain(
            "bad label name",
            c ->
                new ChainSpec(
                    c.id(),
                    c.name(),
                    c.family(),
                    c.expectedChainId(),
                    c.blockTime(),
                    Map.of("a-b", "x"),
                    null),
            "labels.a-b"),
        chain(
            "blank expected chain id",
            c -> new ChainSpec(c.id(), c.name(), c.family(), " ", c.blockTime(), c.labels(), null),
            "expectedChainId"));
  }

  private static Arguments chain(String name, UnaryOperator<ChainSpec> change, String field) {
    return Arguments.of(name, change.apply(CHAIN), field);
  }

  private static ChainSpec with(ChainSpec c, String id, ChainFamily family, Duration blockTime) {
    return new ChainSpec(id, c.name(), family, c.expectedChainId(), blockTime, c.labels(), null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badChains")
  void invalidChainNamesTheField(String name, ChainSpec spec, String field) {
    assertThat(spec.violations()).extracting(FieldViolation::field).contains(field);
  }

  static Stream<Arguments> badProviders() {
    return Stream.of(
        Arguments.of("ftp url", provider("ftp://example.com/x", Map.of(), 10, 5_000), "url"),
        Arguments.of("not a url", provider("https://exa mple.com", Map.of(), 10, 5_000), "url"),
        Arguments.of("no host", provider("https:///rpc", Map.of(), 10, 5_000), "url"),
        Arguments.of(
            "cloud metadata address",
            provider("http://169.254.169.254/", Map.of(), 10, 5_000),
            "url"),
        Arguments.of(
            "metadata host name",
            provider("http://metadata.google.internal/", Map.of(), 10, 5_000),
            "url"),
        Arguments.of(
            "header with a line break",
            provider(SECRET_URL, Map.of("X-Key", "a\r\nInjected: 1"), 10, 5_000),
            "headers.X-Key"),
        Arguments.of(
            "header name with a space",
            provider(SECRET_URL, Map.of("X Key", "v"), 10, 5_000),
            "headers"),
        Arguments.of("interval zero", provider(SECRET_URL, Map.of(), 0, 500), "intervalSeconds"),
        Arguments.of("timeout 50 ms", provider(SECRET_URL, Map.of(), 10, 50), "timeoutMillis"),
        Arguments.of(
            "timeout longer than interval",
            provider(SECRET_URL, Map.of(), 2, 5_000),
            "timeoutMillis"));
  }

  private static ProviderSpec provider(
      String url, Map<String, String> headers, long intervalSeconds, long timeoutMillis) {
    return new ProviderSpec(
        "p1",
        "c1",
        "P",
        ChainFamily.EVM,
        url,
        headers,
        Duration.ofSeconds(intervalSeconds),
        Duration.ofMillis(timeoutMillis),
        null,
        Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProviders")
  void invalidProviderNamesTheFieldAndNeverEchoesTheUrlOrHeaderValues(
      String name, ProviderSpec spec, String field) {
    List<FieldViolation> violations = spec.violations(POLICY);
    assertThat(violations).extracting(FieldViolation::field).contains(field);
    assertThat(violations)
        .extracting(FieldViolation::message)
        .noneMatch(m -> m.contains("sk-very-secret") || m.contains("Injected"));
  }

  static Stream<Arguments> badApis() {
    return Stream.of(
        Arguments.of("method PUT", api("PUT", null, 200, null, null), "method"),
        Arguments.of("body on a GET", api("GET", "{}", 200, null, null), "body"),
        Arguments.of("status 700", api("GET", null, 700, null, null), "expectedStatus"),
        Arguments.of("path without $", api("GET", null, 200, "data.x", null), "jsonPath"),
        Arguments.of("value without path", api("GET", null, 200, null, "1"), "expectedValue"));
  }

  private static ApiSpec api(
      String method, String body, int status, String jsonPath, String expectedValue) {
    return new ApiSpec(
        "a1",
        "A",
        null,
        "https://api.example.com/",
        new ApiCheck(method, body, Map.of(), status, jsonPath, expectedValue, null),
        null,
        null,
        Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApis")
  void invalidApiNamesTheField(String name, ApiSpec spec, String field) {
    assertThat(spec.violations(POLICY)).extracting(FieldViolation::field).contains(field);
  }

  @Test
  void specsNeverPrintTheirUrl() {
    assertThat(PROVIDER.toString()).doesNotContain("sk-very-secret").doesNotContain("BASE_TOKEN");
    assertThat(API.toString()).doesNotContain("api.example.com");
  }
}
