package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One provider's place in a chain's ranking.
 *
 * @param providerId the provider
 * @param name its human name
 * @param status its latest verdict, comparison with the other providers included
 * @param lagBehindBestBlocks how far it trails the best provider, when known
 * @param latencyMillis its latest probe latency, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankedProvider(
    String providerId,
    String name,
    HealthStatus status,
    Long lagBehindBestBlocks,
    Double latencyMillis) {}
