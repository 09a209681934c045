package dev.vigil.scanner.chain.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ObservationEvaluator;
import dev.vigil.scanner.domain.chain.ObservationKeys;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An exchange API (shaped like Hyperliquid's {@code POST /info}) checked by an {@link ApiCheck}.
 */
class HttpApiProbeTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC);
  static final String META =
      "{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":40},"
          + "{\"name\":\"ETH\",\"szDecimals\":4,\"maxLeverage\":25}]}";

  final HttpApiProber prober =
      new HttpApiProber(
          HostilePeerProbeTest.client(AddressPolicy.defaults()), ChainPeer.JSON, CLOCK);
  final ObservationEvaluator evaluator = new ObservationEvaluator();

  static ApiCheck check(String path, String expected, Duration maxLatency) {
    return new ApiCheck(
        "POST",
        "{\"type\":\"meta\"}",
        Map.of("X-Api-Key", "k-123"),
        200,
        path,
        expected,
        maxLatency);
  }

  ChainVerdict probeAndJudge(URI url, ApiCheck check) {
    ProviderObservation o =
        prober.probe(
            new ProbeRequest(
                "hyperliquid-info",
                ChainFamily.HTTP,
                url,
                Map.of(),
                Duration.ofSeconds(10),
                check));
    return evaluator.evaluate(o, null, null, check);
  }

  @Test
  void theExpectedAnswerIsHealthyAndTheRequestIsSentAsConfigured() {
    try (ChainPeer peer = ChainPeer.fixed(200, META)) {
      ChainVerdict verdict =
          probeAndJudge(
              peer.uri("/info"), check("$.universe[0].name", "BTC", Duration.ofSeconds(1)));

      assertThat(verdict.status()).isEqualTo(HealthStatus.HEALTHY);
      ChainPeer.Seen seen = peer.seen.get(0);
      assertThat(seen.method()).isEqualTo("POST");
      assertThat(seen.pathAndQuery()).isEqualTo("/info");
      assertThat(seen.body()).isEqualTo("{\"type\":\"meta\"}");
      assertThat(seen.headers().get("X-api-key")).containsExactly("k-123");
      assertThat(seen.headers().get("Content-type")).containsExactly("application/json");
    }
  }

  @Test
  void aJsonPointerWorksLikeThePath() {
    try (ChainPeer peer = ChainPeer.fixed(200, META)) {
      ProviderObservation o =
          prober.probe(
              new ProbeRequest(
                  "api",
                  ChainFamily.HTTP,
                  peer.uri(),
                  Map.of(),
                  Duration.ofSeconds(10),
                  check("/universe/1/maxLeverage", "25", null)));

      assertThat(o.evidence()).containsEntry(ObservationKeys.JSON_PATH_VALUE, "25");
    }
  }

  @Test
  void aDifferentValueFailsTheAssertion() {
    try (ChainPeer peer = ChainPeer.fixed(200, META)) {
      ChainVerdict verdict = probeAndJudge(peer.uri(), check("$.universe[0].name", "SOL", null));

      assertThat(verdict.has(ObservationEvaluator.API_ASSERTION_FAILED)).isTrue();
      assertThat(verdict.findings().get(0).evidence()).containsEntry("actual", "BTC");
      assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void aMissingPathFailsTheAssertion() {
    try (ChainPeer peer = ChainPeer.fixed(200, "{\"universe\":[]}")) {
      ChainVerdict verdict = probeAndJudge(peer.uri(), check("$.universe[0].name", null, null));

      assertThat(verdict.has(ObservationEvaluator.API_ASSERTION_FAILED)).isTrue();
    }
  }

  @Test
  void aBodyThatIsNotJsonFailsTheAssertion() {
    try (ChainPeer peer = ChainPeer.fixed(200, "<html>maintenance</html>")) {
      ChainVerdict verdict = probeAndJudge(peer.uri(), check("$.universe", null, null));

      assertThat(verdict.findings().get(0).evidence())
          .containsEntry("problem", "answer is not JSON");
    }
  }

  @Test
  void anUnexpectedStatusIsFound() {
    try (ChainPeer peer = ChainPeer.fixed(503, "{\"error\":\"maintenance\"}")) {
      ChainVerdict verdict = probeAndJudge(peer.uri(), check(null, null, null));

      assertThat(verdict.has(ObservationEvaluator.API_UNEXPECTED_STATUS)).isTrue();
      assertThat(verdict.status()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void aSlowAnswerIsDegraded() {
    try (ChainPeer peer = ChainPeer.delayed(300, 200, META)) {
      ChainVerdict verdict =
          probeAndJudge(peer.uri(), check("$.universe[0].name", "BTC", Duration.ofMillis(100)));

      assertThat(verdict.has(ObservationEvaluator.API_SLOW)).isTrue();
      assertThat(verdict.status()).isEqualTo(HealthStatus.DEGRADED);
    }
  }

  @Test
  void noAnswerAtAllIsDown() {
    try (ChainPeer peer = ChainPeer.hanging()) {
      ProviderObservation o =
          prober.probe(
              new ProbeRequest(
                  "api",
                  ChainFamily.HTTP,
                  peer.uri(),
                  Map.of(),
                  Duration.ofMillis(300),
                  check(null, null, null)));
      ChainVerdict verdict = evaluator.evaluate(o, null, null, check(null, null, null));

      assertThat(verdict.has(ObservationEvaluator.API_DOWN)).isTrue();
      assertThat(verdict.findings().get(0).evidence()).containsEntry("failure", "TIMEOUT");
    }
  }
}
