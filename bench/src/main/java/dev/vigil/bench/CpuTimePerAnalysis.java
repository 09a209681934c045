package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The benchmark's cases measured in thread CPU time rather than wall time: on a shared machine (a
 * CI box running other builds) wall-clock throughput says more about the neighbours than about the
 * code. Run with {@code java -cp bench/target/benchmarks.jar dev.vigil.bench.CpuTimePerAnalysis}.
 */
public final class CpuTimePerAnalysis {

  private CpuTimePerAnalysis() {}

  public static void main(String[] args) {
    ChainAnalysisBenchmark bench = new ChainAnalysisBenchmark();
    bench.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      measure(threads, "repeatScan", 200_000, bench::repeatScan, round);
      measure(threads, "newLeaf", 20_000, bench::newLeaf, round);
      measure(threads, "firstSight", 4_000, bench::firstSight, round);
    }
  }

  private static void measure(
      ThreadMXBean threads, String name, int operations, Supplier<Object> op, int round) {
    for (int i = 0; i < operations / 4; i++) {
      op.get(); // warm-up
    }
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < operations; i++) {
      op.get();
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    System.out.printf(
        "round %d %-10s %8.1f us CPU per analysis = %,9.0f analyses per CPU-second"
            + " (wall clock: %,9.0f/s)%n",
        round,
        name,
        cpuSeconds * 1e6 / operations,
        operations / cpuSeconds,
        operations / wallSeconds);
  }
}
