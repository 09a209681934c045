package dev.vigil.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Escalation settings under {@code vigil.escalation}. Policies are named entries, e.g.
 *
 * <pre>
 * vigil.escalation.policies.default.steps=15m log-only; 15m log-only
 * vigil.escalation.policies.trading.components=trading-api,order-book
 * vigil.escalation.policies.trading.severity=critical
 * vigil.escalation.policies.trading.steps=5m trading-oncall; 10m trading-lead,cto
 * </pre>
 */
@ConfigMapping(prefix = "vigil.escalation")
public interface EscalationConfig {

  /** {@code false}: no chain is started or swept (rows already stored stay and resume later). */
  @WithDefault("true")
  boolean enabled();

  /** How often due steps are looked for: the granularity of every delay. */
  @WithDefault("5s")
  Duration sweepInterval();

  /** Due escalations handled per sweep pass. */
  @WithDefault("100")
  int sweepBatch();

  Map<String, Policy> policies();

  /** One policy; see {@code EscalationPolicyParser} for the step syntax. */
  interface Policy {

    /** Comma-separated component ids; unset = any component. */
    Optional<String> components();

    /** {@code info}, {@code warning} or {@code critical}; unset = any severity. */
    Optional<String> severity();

    /** {@code "<delay> <receiver>[,<receiver>...]"} separated by {@code ;}; {@code none}. */
    @WithDefault("none")
    String steps();
  }
}
