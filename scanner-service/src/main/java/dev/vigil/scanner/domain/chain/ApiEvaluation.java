package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link ApiCheck} half of {@link ObservationEvaluator}: status, assertion, latency. */
final class ApiEvaluation {

  private ApiEvaluation() {}

  static ChainVerdict evaluate(
      ProviderObservation o, ApiCheck check, ChainExpectations expectations) {
    int expectedStatus = check == null ? 200 : check.expectedStatus();
    Duration maxLatency =
        check != null && check.maxLatency() != null
            ? check.maxLatency()
            : expectations == null ? null : expectations.maxLatency();
    List<Finding> findings = new ArrayList<>();
    if (o.httpStatus() == null) {
      EvmSnapshot.ProbeError error = o.errors().isEmpty() ? null : o.errors().get(0);
      String why = error == null ? "no answer" : error.failure() + " (" + error.detail() + ")";
      findings.add(
          finding(
              ObservationEvaluator.API_DOWN,
              Severity.CRITICAL,
              "API gave no usable answer: " + why,
              "failure",
              error == null ? "NONE" : error.failure().name(),
              "detail",
              error == null ? "" : String.valueOf(error.detail())));
      return verdict(findings);
    }
    if (o.httpStatus() != expectedStatus) {
      findings.add(
          finding(
              ObservationEvaluator.API_UNEXPECTED_STATUS,
              Severity.CRITICAL,
              "API answered HTTP " + o.httpStatus() + ", expected " + expectedStatus,
              "status",
              Integer.toString(o.httpStatus()),
              "expectedStatus",
              Integer.toString(expectedStatus)));
    }
    if (check != null && check.jsonPath() != null) {
      assertion(o, check, findings);
    }
    if (maxLatency != null
        && o.latencyMillis() != null
        && o.latencyMillis() > maxLatency.toMillis()) {
      findings.add(
          finding(
              ObservationEvaluator.API_SLOW,
              Severity.WARNING,
              "API took " + Math.round(o.latencyMillis()) + " ms",
              "latencyMillis",
              Long.toString(Math.round(o.latencyMillis())),
              "maxLatencyMillis",
              Long.toString(maxLatency.toMillis())));
    }
    return verdict(findings);
  }

  private static void assertion(ProviderObservation o, ApiCheck check, List<Finding> findings) {
    Map<String, String> e = o.evidence();
    if (!"true".equals(e.get(ObservationKeys.JSON_PATH_FOUND))) {
      String problem = e.getOrDefault(ObservationKeys.JSON_PATH_PROBLEM, "path not in the answer");
      findings.add(
          finding(
              ObservationEvaluator.API_ASSERTION_FAILED,
              Severity.CRITICAL,
              check.jsonPath() + ": " + problem,
              "jsonPath",
              check.jsonPath(),
              "problem",
              problem));
      return;
    }
    String actual = e.get(ObservationKeys.JSON_PATH_VALUE);
    if (check.expectedValue() != null && !check.expectedValue().equals(actual)) {
      findings.add(
          finding(
              ObservationEvaluator.API_ASSERTION_FAILED,
              Severity.CRITICAL,
              check.jsonPath() + " is " + actual + ", expected " + check.expectedValue(),
              "jsonPath",
              check.jsonPath(),
              "actual",
              String.valueOf(actual),
              "expected",
              check.expectedValue()));
    }
  }

  private static ChainVerdict verdict(List<Finding> findings) {
    return new ChainVerdict(
        ObservationEvaluator.status(findings), findings, null, null, null, null, null);
  }

  private static Finding finding(String code, Severity severity, String message, String... kv) {
    Map<String, String> evidence = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      evidence.put(kv[i], kv[i + 1]);
    }
    return new Finding(code, severity, null, message, evidence);
  }
}
