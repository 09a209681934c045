package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Emitted by scanner-service after every probe of one provider (an RPC node, a rollup node or an
 * HTTP API) of a chain. Raw figures are kept so that alert rules can be written over them, e.g.
 * {@code headAgeSeconds > 3 * expectedBlockTimeSeconds}. Keyed by {@code providerId}. Fields that a
 * chain family does not have stay {@code null}.
 *
 * @param observationId unique id (also the CloudEvent id)
 * @param chainId Vigil's id of the chain, e.g. {@code base-mainnet}
 * @param providerId Vigil's id of the probed provider
 * @param providerName human name of the provider (never its URL: URLs often carry API keys)
 * @param component {@code RPC}, {@code ROLLUP_NODE} or {@code API}: lets Vigil say "chain fine, API
 *     down"
 * @param family {@code EVM}, {@code OP_STACK}, {@code BITCOIN}, {@code SOLANA}, {@code COSMOS},
 *     {@code HTTP}
 * @param labels the provider's labels
 * @param observedAt when the probe finished
 * @param status overall verdict
 * @param expectedChainId the configured chain id
 * @param reportedChainId what the provider said
 * @param headHeight latest block height (or slot)
 * @param headHash latest block hash
 * @param headTimestamp timestamp of the latest block
 * @param headAgeSeconds observedAt minus headTimestamp
 * @param expectedBlockTimeSeconds the chain's configured block time
 * @param blocksSincePrevious how far the head advanced since the previous probe
 * @param safeLagBlocks latest minus safe height
 * @param finalizedLagBlocks latest minus finalized height
 * @param finalizedLagSeconds latest timestamp minus finalized timestamp
 * @param unsafeHeadAgeSeconds OP Stack: age of the unsafe L2 head (the Base 2023 failure)
 * @param l1OriginLagBlocks OP Stack: head_l1 minus current_l1
 * @param lagBehindBestBlocks how far this provider is behind the best provider of the chain
 * @param syncing whether the node reports that it is syncing
 * @param peerCount number of peers
 * @param latencyMillis round-trip time of the probe
 * @param httpStatus HTTP status of an API probe
 * @param findings typed failures, e.g. {@code HEAD_STALLED}, {@code WRONG_CHAIN}, {@code RPC_ERROR}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainHealthObserved(
    String observationId,
    String chainId,
    String providerId,
    String providerName,
    String component,
    String family,
    Map<String, String> labels,
    Instant observedAt,
    HealthStatus status,
    String expectedChainId,
    String reportedChainId,
    Long headHeight,
    String headHash,
    Instant headTimestamp,
    Double headAgeSeconds,
    Double expectedBlockTimeSeconds,
    Long blocksSincePrevious,
    Long safeLagBlocks,
    Long finalizedLagBlocks,
    Double finalizedLagSeconds,
    Double unsafeHeadAgeSeconds,
    Long l1OriginLagBlocks,
    Long lagBehindBestBlocks,
    Boolean syncing,
    Integer peerCount,
    Double latencyMillis,
    Integer httpStatus,
    List<Finding> findings) {

  public ChainHealthObserved {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
