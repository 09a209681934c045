package dev.vigil.bench;

import dev.vigil.scanner.domain.ScanSchedule;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.OwnedTargets;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heap held by one scanner replica's schedule for N owned targets, and the cost of one scheduler
 * tick over them. Run: {@code java -Xmx512m -cp bench/target/benchmarks.jar
 * dev.vigil.bench.OwnedTargetsHeap 100000}.
 */
public final class OwnedTargetsHeap {

  private OwnedTargetsHeap() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long before = usedAfterGc();
    OwnedTargets owned =
        new OwnedTargets(
            new ScanSchedule(0.1, 8, () -> ThreadLocalRandom.current().nextDouble()),
            Clock.systemUTC());
    for (int i = 0; i < count; i++) {
      // Realistic strings: distinct host names and ids, three labels as most users set.
      TargetSpec spec =
          new TargetSpec(
              "service-" + i + ".payments.example.com",
              443,
              null,
              Map.of(
                  "team",
                  "team-" + (i % 50),
                  "env",
                  i % 3 == 0 ? "prod" : "staging",
                  "service",
                  "svc-" + (i % 500)));
      owned.upsert(
          "00000000-0000-0000-0000-" + String.format("%012d", i),
          spec,
          Duration.ofMinutes(5),
          i % 12);
    }
    long after = usedAfterGc();
    System.out.printf(
        "targets=%d heapUsedBytes=%d perTargetBytes=%d maxHeapBytes=%d%n",
        count, after - before, (after - before) / count, Runtime.getRuntime().maxMemory());

    // One scheduler tick: find the due targets among all of them (all are due once at start).
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      var jobs = owned.claimDue(64);
      long micros = (System.nanoTime() - t0) / 1_000;
      jobs.forEach(j -> owned.completed(j.targetId(), true));
      System.out.printf("tick=%d claimed=%d micros=%d%n", round, jobs.size(), micros);
    }
    System.out.println(
        ManagementFactory.getRuntimeMXBean().getVmName()
            + " "
            + System.getProperty("java.version"));
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
