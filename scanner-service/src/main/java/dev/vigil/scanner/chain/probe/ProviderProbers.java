package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.scanner.config.ChainProbeConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.tls.HostResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The prober for each {@link ChainFamily}, all sharing one bounded HTTP client (one connection
 * pool, one address policy, one size cap).
 */
@ApplicationScoped
public class ProviderProbers {

  private final Map<ChainFamily, ProviderProber> byFamily = new EnumMap<>(ChainFamily.class);

  @Inject
  public ProviderProbers(
      AddressPolicy policy, HostResolver resolver, Clock clock, ChainProbeConfig config) {
    this(
        standard(
            ProbeHttpClient.named(
                config.httpClient(),
                policy,
                resolver,
                config.maxResponseBytes(),
                config.connectTimeout()),
            clock));
  }

  /** For plain tests and the benchmark: exactly these probers. */
  public ProviderProbers(List<ProviderProber> probers) {
    for (ProviderProber prober : probers) {
      byFamily.put(prober.family(), prober);
    }
  }

  /** One prober per family over {@code http}. */
  public static List<ProviderProber> standard(ProbeHttpClient http, Clock clock) {
    JsonRpcClient rpc = new JsonRpcClient(http, new ObjectMapper());
    return List.of(
        new EvmProber(rpc, clock),
        new OpStackProber(rpc, clock),
        new BitcoinProber(rpc, clock),
        new SolanaProber(rpc, clock),
        new CometBftProber(http, rpc.json(), clock),
        new HttpApiProber(http, rpc.json(), clock));
  }

  /**
   * @throws IllegalArgumentException when no prober speaks {@code family}
   */
  public ProviderProber forFamily(ChainFamily family) {
    ProviderProber prober = byFamily.get(family);
    if (prober == null) {
      throw new IllegalArgumentException("no prober for family " + family);
    }
    return prober;
  }
}
