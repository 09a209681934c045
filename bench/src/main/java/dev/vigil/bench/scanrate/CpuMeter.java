package dev.vigil.bench.scanrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Share of the machine's CPU time that was busy between two readings of {@code /proc/stat}: shows
 * whether a measurement was CPU-bound (near 100%) or limited by something else.
 */
final class CpuMeter {

  private long busy;
  private long total;

  static CpuMeter start() {
    CpuMeter meter = new CpuMeter();
    long[] now = read();
    meter.busy = now[0];
    meter.total = now[1];
    return meter;
  }

  /** Busy percent since {@link #start}. */
  double busyPercent() {
    long[] now = read();
    long dt = now[1] - total;
    return dt <= 0 ? Double.NaN : 100.0 * (now[0] - busy) / dt;
  }

  private static long[] read() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
