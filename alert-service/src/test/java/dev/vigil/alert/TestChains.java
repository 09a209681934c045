package dev.vigil.alert;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.HealthStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code ChainHealthObserved} fixtures. */
public final class TestChains {

  public static final Instant OBSERVED_AT = Instant.parse("2026-03-01T10:00:00Z");

  private TestChains() {}

  /** An RPC provider of base-mainnet (2 s blocks) whose head is {@code headAgeSeconds} old. */
  public static ChainHealthObserved rpc(String providerId, double headAgeSeconds) {
    return rpc("base-mainnet", providerId, headAgeSeconds);
  }

  /** The same for a provider of another chain (2 s blocks). */
  public static ChainHealthObserved rpc(String chainId, String providerId, double headAgeSeconds) {
    return new ChainHealthObserved(
        "obs-" + providerId,
        chainId,
        providerId,
        "Node " + providerId,
        "RPC",
        "OP_STACK",
        Map.of("env", "prod"),
        OBSERVED_AT,
        headAgeSeconds > 6 ? HealthStatus.DEGRADED : HealthStatus.HEALTHY,
        "8453",
        "8453",
        1_000_000L,
        "0xabc",
        OBSERVED_AT.minusSeconds((long) headAgeSeconds),
        headAgeSeconds,
        2.0,
        1L,
        null,
        null,
        null,
        null,
        null,
        0L,
        false,
        12,
        40.0,
        null,
        List.of());
  }
}
