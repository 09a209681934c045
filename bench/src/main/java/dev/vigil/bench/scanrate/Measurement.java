package dev.vigil.bench.scanrate;

/**
 * One row of the results.
 *
 * @param client what was measured
 * @param concurrency handshakes in flight at once
 * @param perSecond completed scans, probes or handshakes per second
 * @param completed how many in the measured window
 * @param failed how many failed in the window (a failed scan is not counted as a scan)
 * @param cpuBusyPercent share of the machine's CPU that was busy meanwhile
 * @param clientCpuMicros CPU time of the client (scanner JVM, exporter, s_time) per operation
 * @param serverCpuMicros CPU time of nginx per operation
 */
record Measurement(
    String client,
    int concurrency,
    double perSecond,
    long completed,
    long failed,
    double cpuBusyPercent,
    double clientCpuMicros,
    double serverCpuMicros) {

  /**
   * The rate the client and server would reach together on {@code cores} otherwise idle cores, if
   * CPU were the only limit: cores divided by the CPU time of one operation on both sides.
   */
  double cpuBoundRate(int cores) {
    return cores * 1e6 / (clientCpuMicros + serverCpuMicros);
  }
}
