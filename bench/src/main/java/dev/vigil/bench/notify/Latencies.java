package dev.vigil.bench.notify;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/** Percentiles of arrival minus publish times. */
record Latencies(int sent, int arrived, double p50Ms, double p99Ms, double maxMs) {

  static Latencies of(long[] publishedNanos, AtomicLongArray arrivedNanos, int from, int to) {
    long[] lat = new long[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      long a = arrivedNanos.get(i);
      if (a != 0 && publishedNanos[i] != 0) {
        lat[n++] = a - publishedNanos[i];
      }
    }
    long[] sorted = Arrays.copyOf(lat, n);
    Arrays.sort(sorted);
    return new Latencies(
        to - from,
        n,
        n == 0 ? Double.NaN : sorted[(int) Math.min(n - 1, Math.round(0.50 * (n - 1)))] / 1e6,
        n == 0 ? Double.NaN : sorted[(int) Math.min(n - 1, Math.round(0.99 * (n - 1)))] / 1e6,
        n == 0 ? Double.NaN : sorted[n - 1] / 1e6);
  }

  @Override
  public String toString() {
    return String.format(
        "sent %,d, notified %,d, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        sent, arrived, p50Ms, p99Ms, maxMs);
  }
}
