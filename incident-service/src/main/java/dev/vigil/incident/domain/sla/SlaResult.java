package dev.vigil.incident.domain.sla;

/**
 * One component's SLA outcome for one tier and period.
 *
 * @param policy the promise judged
 * @param uptime the measured uptime, with its figures
 * @param breached uptime fell below the target
 * @param creditPercent credit owed, in percent of the period's fee (0 when none)
 */
public record SlaResult(SlaPolicy policy, Uptime uptime, boolean breached, double creditPercent) {}
