package dev.vigil.scanner.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainExpectations;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.EvmHealthEvaluator;
import dev.vigil.scanner.domain.chain.EvmSnapshot.ProbeError;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.domain.chain.ProbeRequest;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test stand-in for the probe layer (branch {@code chain-probes}), which this branch does not have:
 * a minimal EVM JSON-RPC client judged by {@link EvmHealthEvaluator}, and a plain HTTP check for
 * APIs. Once the real {@code ProviderProbers} and {@code ObservationEvaluator} are merged, deleting
 * this class runs the same tests against them (the test peers speak standard JSON-RPC).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestChainProbing implements ChainProbing {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final EvmHealthEvaluator evaluator = new EvmHealthEvaluator();
  private final Clock clock;

  public TestChainProbing(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Probed probe(
      ProbeRequest request, ProviderObservation previous, ChainExpectations expectations) {
    if (request.family() == ChainFamily.HTTP) {
      return api(request);
    }
    List<ProbeError> errors = new ArrayList<>();
    long start = System.nanoTime();
    String chainId = null;
    BlockRef latest = null;
    BlockRef safe = null;
    BlockRef finalized = null;
    try {
      JsonNode id = call(request, "eth_chainId", "[]");
      chainId = Long.toString(Long.decode(id.asText()));
      latest = block(call(request, "eth_getBlockByNumber", "[\"latest\",false]"));
      safe = block(call(request, "eth_getBlockByNumber", "[\"safe\",false]"));
      finalized = block(call(request, "eth_getBlockByNumber", "[\"finalized\",false]"));
    } catch (HttpTimeoutException e) {
      errors.add(new ProbeError("eth_getBlockByNumber", ProbeFailure.TIMEOUT, "no answer in time"));
    } catch (IOException | RuntimeException e) {
      errors.add(
          new ProbeError("eth_chainId", ProbeFailure.UNREACHABLE, e.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add(new ProbeError("eth_chainId", ProbeFailure.TIMEOUT, "interrupted"));
    }
    double latency = (System.nanoTime() - start) / 1e6;
    ProviderObservation observation =
        new ProviderObservation(
            clock.instant(),
            request.family(),
            chainId,
            latest,
            safe,
            finalized,
            false,
            25,
            latency,
            200,
            null,
            errors,
            Map.of());
    ChainVerdict verdict =
        evaluator.evaluate(
            observation.asEvmSnapshot(),
            previous == null ? null : previous.asEvmSnapshot(),
            expectations);
    return new Probed(observation, verdict);
  }

  private JsonNode call(ProbeRequest request, String method, String params)
      throws IOException, InterruptedException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.url())
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    request.headers().forEach(builder::header);
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).get("result");
  }

  private static BlockRef block(JsonNode block) {
    return new BlockRef(
        Long.decode(block.get("number").asText()),
        block.get("hash").asText(),
        Instant.ofEpochSecond(Long.decode(block.get("timestamp").asText())));
  }

  private Probed api(ProbeRequest request) {
    long start = System.nanoTime();
    Integer status = null;
    List<ProbeError> errors = new ArrayList<>();
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(request.url()).timeout(request.timeout()).GET();
      request.headers().forEach(builder::header);
      status = http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      errors.add(new ProbeError("GET", ProbeFailure.UNREACHABLE, e.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double latency = (System.nanoTime() - start) / 1e6;
    ProviderObservation observation =
        new ProviderObservation(
            clock.instant(),
            ChainFamily.HTTP,
            null,
            null,
            null,
            null,
            null,
            null,
            latency,
            status,
            null,
            errors,
            Map.of());
    boolean ok =
        errors.isEmpty() && status != null && status == request.apiCheck().expectedStatus();
    return new Probed(
        observation,
        new ChainVerdict(
            ok ? HealthStatus.HEALTHY : HealthStatus.DOWN,
            List.of(),
            null,
            null,
            null,
            null,
            null));
  }
}
