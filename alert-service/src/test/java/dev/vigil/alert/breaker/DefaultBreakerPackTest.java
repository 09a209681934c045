package dev.vigil.alert.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.BreakerSpecParser;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped breakers parse and open on the default rule packs' alerts they are meant for. */
class DefaultBreakerPackTest {

  private static Map<String, BreakerSpec> pack;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        DefaultBreakerPackTest.class.getResourceAsStream("/breakers/breakers.yaml")) {
      Map<String, Object> doc =
          new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
      List<BreakerSpec> specs = BreakerSpecParser.parseFile(doc);
      pack = Map.of(specs.get(0).name(), specs.get(0), specs.get(1).name(), specs.get(1));
    }
  }

  static Map<String, String> chainAlert(String name) {
    return Map.of(
        "alertname", name, "chain_id", "base-mainnet", "provider_id", "p1", "component", "RPC");
  }

  static Map<String, String> apiAlert(String name) {
    return Map.of(
        "alertname",
        name,
        "chain_id",
        "api:binance",
        "provider_id",
        "binance-spot",
        "component",
        "API");
  }

  static Stream<Arguments> alerts() {
    return Stream.of(
        Arguments.of(
            "stalled head pauses the chain",
            "chain-transfers",
            chainAlert("ChainHeadStalled"),
            Optional.of("chain:base-mainnet")),
        Arguments.of(
            "failing RPC pauses the chain",
            "chain-transfers",
            chainAlert("ChainRpcFailing"),
            Optional.of("chain:base-mainnet")),
        Arguments.of(
            "a lagging provider does not",
            "chain-transfers",
            chainAlert("ChainProviderLagging"),
            Optional.empty()),
        Arguments.of(
            "an API alert does not pause a chain",
            "chain-transfers",
            apiAlert("ApiDown"),
            Optional.empty()),
        Arguments.of(
            "API down routes around it",
            "api-routing",
            apiAlert("ApiDown"),
            Optional.of("api:binance-spot")),
        Arguments.of(
            "API errors route around it",
            "api-routing",
            apiAlert("ApiUnexpectedStatus"),
            Optional.of("api:binance-spot")),
        Arguments.of("a slow API does not", "api-routing", apiAlert("ApiSlow"), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alerts")
  void opensOnWhatItIsMeantFor(
      String name, String breaker, Map<String, String> labels, Optional<String> scope) {
    assertThat(pack.get(breaker).scopeOf(labels)).isEqualTo(scope);
  }
}
