package dev.vigil.bench.scanrate;

import dev.vigil.scanner.tls.HandshakeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The results as Markdown, and their place in {@code bench/RESULTS.md}. */
final class ScanRateReport {

  static final String BEGIN = "<!-- scan-rate:begin (written by ScanRateBenchmark) -->";
  static final String END = "<!-- scan-rate:end -->";

  private ScanRateReport() {}

  static String render(
      List<Measurement> rows,
      List<Measurement> ceilings,
      int[] levels,
      int cores,
      String loadBefore,
      String loadAfter,
      int seconds,
      boolean probeVersions,
      HandshakeClient client) {
    double ceiling = ceilings.stream().mapToDouble(Measurement::perSecond).max().orElse(0);
    StringBuilder s = new StringBuilder();
    s.append(BEGIN).append('\n');
    s.append(
        f(
            "Run %s: %s, %d cores, %s; %s; nginx %s; %s. Load average (1/5/15 min) %s before,"
                + " %s after. %d s measured per row. Vigil's TLS client: %s.%n%n",
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            Versions.cpuModel(),
            cores,
            Versions.jdk(),
            Versions.firstLine("openssl", "version"),
            Versions.firstLine("nginx", "-v").replace("nginx version: nginx/", ""),
            Versions.firstLine("/usr/bin/prometheus-blackbox-exporter", "--version"),
            loadBefore,
            loadAfter,
            seconds,
            client == HandshakeClient.BOUNCYCASTLE
                ? "BouncyCastle (`vigil.scanner.tls-client=bouncycastle`, the default)"
                : "the JDK's (`vigil.scanner.tls-client=jdk`)"));
    s.append(
        "| concurrency | Vigil scans/s | blackbox_exporter probes/s | Vigil / blackbox"
            + " | Vigil / ceiling | CPU per op, µs: Vigil JVM + nginx | CPU per op, µs:"
            + " exporter + nginx |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int c : levels) {
      Measurement v = find(rows, "Vigil", c);
      Measurement b = find(rows, "blackbox_exporter", c);
      s.append(
          f(
              "| %d | %,.0f | %,.0f | %.2fx | %.0f%% | %,.0f + %,.0f | %,.0f + %,.0f |%n",
              c,
              v.perSecond(),
              b.perSecond(),
              v.perSecond() / b.perSecond(),
              100 * v.perSecond() / ceiling,
              v.clientCpuMicros(),
              v.serverCpuMicros(),
              b.clientCpuMicros(),
              b.serverCpuMicros()));
    }
    s.append('\n');
    s.append(
        f(
            "Ceiling (%d x `openssl s_time -new`, one per core): %s handshakes/s (start, end of the"
                + " run); the higher, %,.0f/s, is used.%n%n",
            cores,
            String.join(
                " and ",
                ceilings.stream()
                    .map(
                        m ->
                            f(
                                "%,.0f (CPU per handshake: s_time %,.0f µs user, nginx %,.0f µs)",
                                m.perSecond(), m.clientCpuMicros(), m.serverCpuMicros()))
                    .toList()),
            ceiling));
    long failures = rows.stream().mapToLong(Measurement::failed).sum();
    s.append(f("Failed scans or probes in the measured windows: %d.%n", failures));
    int top = levels[levels.length - 1];
    Measurement v = find(rows, "Vigil", top);
    Measurement b = find(rows, "blackbox_exporter", top);
    s.append(
        f(
            "%nTargets at concurrency %d: Vigil >= 1.5x blackbox_exporter: %s (%.2fx); Vigil >= 80%%"
                + " of the ceiling: %s (%.0f%%).%s%n",
            top,
            v.perSecond() >= 1.5 * b.perSecond() ? "**met**" : "**missed**",
            v.perSecond() / b.perSecond(),
            v.perSecond() >= 0.8 * ceiling ? "**met**" : "**missed**",
            100 * v.perSecond() / ceiling,
            probeVersions ? " TLS-version probing was on (4 handshakes per Vigil scan)." : ""));
    s.append(END).append('\n');
    return s.toString();
  }

  static void replaceSection(Path file, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    String updated =
        begin >= 0 && end > begin
            ? text.substring(0, begin) + section + text.substring(end + END.length() + 1)
            : text + "\n" + section;
    Files.writeString(file, updated);
  }

  private static Measurement find(List<Measurement> rows, String client, int c) {
    return rows.stream()
        .filter(m -> m.client().startsWith(client) && m.concurrency() == c)
        .findFirst()
        .orElseThrow();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
