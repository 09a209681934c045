package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Emitted by alert-service whenever a circuit breaker changes state, automatically or by a manual
 * override. Keyed by {@code scope}, so consumers see one scope's changes in order. An exchange can
 * pause deposits on a chain while its breaker is {@code OPEN}.
 *
 * @param breakerId id of the breaker definition
 * @param scope what it protects, e.g. {@code chain:base-mainnet} or {@code api:hyperliquid}
 * @param previousState state before the change
 * @param state state after the change
 * @param changedAt when it changed
 * @param reason one sentence
 * @param triggeringAlerts fingerprints of the alerts that opened it
 * @param manual whether a human forced the change
 * @param actor who changed it: {@code system} or a user name
 * @param earliestCloseAt with {@code OPEN}: the minimum open time ends here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskControlChanged(
    String breakerId,
    String scope,
    BreakerState previousState,
    BreakerState state,
    Instant changedAt,
    String reason,
    List<String> triggeringAlerts,
    boolean manual,
    String actor,
    Instant earliestCloseAt) {

  public RiskControlChanged {
    triggeringAlerts = triggeringAlerts == null ? List.of() : List.copyOf(triggeringAlerts);
  }
}
