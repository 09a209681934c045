package dev.vigil.bench;

import dev.vigil.events.HealthStatus;
import dev.vigil.scanner.chain.ChainState;
import dev.vigil.scanner.chain.OwnedProbes;
import dev.vigil.scanner.chain.ProbeJob;
import dev.vigil.scanner.domain.chain.BlockRef;
import dev.vigil.scanner.domain.chain.ChainComparison;
import dev.vigil.scanner.domain.chain.ChainFamily;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ChainVerdict;
import dev.vigil.scanner.domain.chain.ProbeCadence;
import dev.vigil.scanner.domain.chain.ProviderObservation;
import dev.vigil.scanner.domain.chain.ProviderRanking;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import dev.vigil.scanner.domain.chain.ThresholdOverrides;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heap held by one scanner replica for N registered providers: definitions, schedule, and each
 * provider's previous observation and verdict (kept for the next probe and the comparison), plus
 * the cost of one probe's comparison and ranking of its chain. Run: {@code java -Xmx512m -cp
 * bench/target/benchmarks.jar dev.vigil.bench.ChainProbesHeap 10000 10}.
 */
public final class ChainProbesHeap {

  private ChainProbesHeap() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int perChain = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Instant now = Instant.now();
    long before = usedAfterGc();
    OwnedProbes owned =
        new OwnedProbes(
            new ProbeCadence(0.1, () -> ThreadLocalRandom.current().nextDouble()),
            Duration.ofSeconds(15),
            Clock.systemUTC());
    int chains = (count + perChain - 1) / perChain;
    for (int c = 0; c < chains; c++) {
      String chainId = "chain-" + c + "-mainnet";
      ChainSpec chain =
          new ChainSpec(
              chainId,
              "Chain " + c,
              ChainFamily.EVM,
              Integer.toString(1000 + c),
              Duration.ofSeconds(2),
              Map.of("env", "prod", "team", "chains-" + (c % 20)),
              new ThresholdOverrides(30L, 5L, null, null, null));
      List<ProviderSpec> providers = new ArrayList<>();
      for (int p = 0; p < perChain && c * perChain + p < count; p++) {
        String id = chainId + "-provider-" + p;
        providers.add(
            new ProviderSpec(
                id,
                chainId,
                "Provider " + p + " of chain " + c,
                ChainFamily.EVM,
                // Realistic URLs: most hosted RPCs carry a 32-character key in the path.
                "https://rpc-" + p + ".vendor" + (p % 5) + ".example.com/v3/" + key(c, p),
                Map.of("Authorization", "env:RPC_TOKEN_" + p),
                Duration.ofSeconds(15),
                Duration.ofSeconds(5),
                null,
                Map.of("vendor", "vendor" + (p % 5), "region", "eu-" + (p % 3))));
      }
      owned.upsertChain(chain, providers, c % 12);
      ChainState state = owned.chain(chainId);
      long height = 20_000_000L + c;
      for (ProviderSpec p : providers) {
        state.record(p.id(), observation(now, height), healthy());
      }
    }
    long after = usedAfterGc();
    System.out.printf(
        "providers=%d chains=%d heapUsedBytes=%d perProviderBytes=%d maxHeapBytes=%d%n",
        count, chains, after - before, (after - before) / count, Runtime.getRuntime().maxMemory());

    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      List<ProbeJob> jobs = owned.claimDue(64);
      long claimMicros = (System.nanoTime() - t0) / 1_000;
      jobs.forEach(j -> owned.completed(j, Instant.now()));
      System.out.printf("claim round=%d claimed=%d micros=%d%n", round, jobs.size(), claimMicros);
    }

    // What every probe adds on top of the probe itself: compare the chain and re-rank it.
    ChainComparison comparison = new ChainComparison();
    ProviderRanking ranking = ProviderRanking.withDefaults();
    ChainState state = owned.chain("chain-0-mainnet");
    List<ChainComparison.Input> inputs = new ArrayList<>();
    for (ChainState.ProviderState p : state.probed()) {
      inputs.add(
          new ChainComparison.Input(
              p.spec().id(), p.spec().name(), p.observation(), HealthStatus.HEALTHY, 5));
    }
    for (int round = 0; round < 3; round++) {
      int n = 200_000;
      long t0 = System.nanoTime();
      int sink = 0;
      for (int i = 0; i < n; i++) {
        ChainComparison.Result r = comparison.compare(inputs);
        sink += ranking.rank(r.standings(), List.of()).size();
      }
      System.out.printf(
          "compare+rank of a %d-provider chain: %.2f us (sink %d)%n",
          inputs.size(), (System.nanoTime() - t0) / 1e3 / n, sink);
    }
    System.out.println(
        ManagementFactory.getRuntimeMXBean().getVmName()
            + " "
            + System.getProperty("java.version"));
  }

  private static String key(int c, int p) {
    return String.format("%016x%016x", (long) c * 7919 + p, (long) p * 104_729 + c);
  }

  private static ProviderObservation observation(Instant at, long height) {
    return new ProviderObservation(
        at,
        ChainFamily.EVM,
        "8453",
        new BlockRef(height, hash(height), at.minusSeconds(1)),
        new BlockRef(height - 10, hash(height - 10), at.minusSeconds(21)),
        new BlockRef(height - 64, hash(height - 64), at.minusSeconds(129)),
        false,
        25,
        87.5,
        200,
        null,
        List.of(),
        Map.of());
  }

  private static ChainVerdict healthy() {
    return new ChainVerdict(HealthStatus.HEALTHY, List.of(), 1.0, 7L, 10L, 64L, 128.0);
  }

  private static String hash(long height) {
    return String.format("0x%064x", height * 2_654_435_761L);
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
