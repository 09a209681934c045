package dev.vigil.bench;

import dev.vigil.bench.scanrate.ScanRateRun;

/**
 * Endpoint scans per second on loopback: Vigil's scan pipeline, Prometheus' blackbox_exporter and a
 * ceiling of parallel {@code openssl s_time -new} clients, all against the same nginx endpoint in
 * one run. See {@code bench/RESULTS.md} for the command, the options and the figures.
 */
public final class ScanRateBenchmark {

  private ScanRateBenchmark() {}

  public static void main(String[] args) throws Exception {
    ScanRateRun.main(args);
  }
}
