package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Emitted by alert-service whenever a circuit breaker changes state, automatically or by a manual
 * override. Keyed by {@code scope}, so consumers see one scope's changes in order. An exchange can
 * pause deposits on a chain while its breaker is {@code OPEN}. The latest event of a scope is its
 * current state; delivery is at least once, so consumers drop any event whose {@code sequence} is
 * not above the last one they applied for that breaker and scope.
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
 * @param earliestCloseAt with {@code OPEN}: the minimum open time ends here; with {@code
 *     HALF_OPEN}: it closes here unless a matching alert fires
 * @param sequence per breaker and scope, increases by one with every change
 * @param cause why it changed, for machines
 * @param actions what consumers should do while it is not {@code CLOSED}, as the breaker declares
 *     them, e.g. {@code pause-deposits}, {@code route-around}
 * @param triggeringAlertNames alert names of {@code triggeringAlerts}, same order
 * @param overrideUntil with a manual override: when it expires; absent when it does not
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
    Instant earliestCloseAt,
    long sequence,
    BreakerChangeCause cause,
    List<String> actions,
    List<String> triggeringAlertNames,
    Instant overrideUntil) {

  public RiskControlChanged {
    triggeringAlerts = triggeringAlerts == null ? List.of() : List.copyOf(triggeringAlerts);
    actions = actions == null ? List.of() : List.copyOf(actions);
    triggeringAlertNames =
        triggeringAlertNames == null ? List.of() : List.copyOf(triggeringAlertNames);
  }
}
