package dev.vigil.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** incident-service settings under {@code vigil.incident}. */
@ConfigMapping(prefix = "vigil.incident")
public interface IncidentConfig {

  Consumer consumer();

  /**
   * An alert of a group whose last incident resolved less than this long ago reopens that incident
   * instead of opening a new one; {@code 0s} turns reopening off.
   */
  @WithDefault("10m")
  Duration reopenWindow();

  /**
   * How long an incident stays open after its last alert resolved, in case the trouble returns;
   * {@code 0s} (the default, as PagerDuty's auto-resolve) resolves it at once.
   */
  @WithDefault("0s")
  Duration quietPeriod();

  /** How often open incidents without firing alerts are checked against the quiet period. */
  @WithDefault("5s")
  Duration quietSweepInterval();

  /**
   * How long a replica may serve component definitions changed through another replica from its
   * cache; changes through this replica are seen at once.
   */
  @WithDefault("5s")
  Duration componentCacheTtl();

  /**
   * Whether the first alert of a group without an open incident joins an open incident that holds a
   * component the alert affects (opened within {@link #correlationWindow()}).
   */
  @WithDefault("true")
  boolean correlateByComponent();

  /** How long after an incident opened alerts of other groups may still join it by component. */
  @WithDefault("5m")
  Duration correlationWindow();

  /**
   * An open incident with this many alerts is not joined by other groups any more (its own group's
   * alerts still attach): bounds how big an alert storm can make one incident.
   */
  @WithDefault("50")
  int correlationMaxAlerts();

  /** The alerts consumer. */
  interface Consumer {

    /** First back-off delay when applying an alert fails transiently. */
    @WithDefault("200ms")
    Duration retryFirstDelay();

    /** How long to keep retrying a transient failure before dead-lettering the record. */
    @WithDefault("60s")
    Duration retryMaxDuration();

    /**
     * How long one intake transaction should take: a poll is applied in as many transactions as its
     * events need at the recent cost per event, so that on a slow host a transaction stays far
     * below the transaction timeout ({@code vigil.incident.consumer.transaction-timeout}).
     */
    @WithDefault("10s")
    Duration transactionBudget();

    /**
     * Timeout in seconds of an intake transaction (read by the {@code @TransactionConfiguration} of
     * {@code IncidentService.onAlerts}); a batch that runs into it is rolled back and its events
     * are replayed one by one.
     */
    @WithDefault("60")
    int transactionTimeout();

    /**
     * A poll still being applied after this long means the consumer is stuck (not just slow): the
     * liveness check reports it, so the orchestrator restarts the process and the uncommitted
     * records are delivered again.
     */
    @WithDefault("5m")
    Duration stallTimeout();
  }
}
