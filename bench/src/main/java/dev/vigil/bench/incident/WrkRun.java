package dev.vigil.bench.incident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code wrk} run (Debian's wrk 4, which has no rate option). A paced run gives each connection
 * a fixed pause between its requests (a Lua {@code delay()}), so {@code c} connections with pause
 * {@code p} ms offer at most {@code c * 1000 / p} requests/s; the achieved rate is reported, not
 * assumed. wrk measures latency from sending a request to its response, not including the pause.
 */
record WrkRun(
    String url,
    int connections,
    double requestsPerSecond,
    double p50Ms,
    double p99Ms,
    long requests,
    long errors,
    String raw) {

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /**
   * @param pauseMs pause per connection between requests; 0 runs unpaced (closed loop)
   */
  static WrkRun run(String url, int connections, int pauseMs, int seconds, Path dir)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "--timeout",
                "5s"));
    if (pauseMs > 0) {
      Path script = dir.resolve("pace-" + pauseMs + ".lua");
      Files.writeString(script, "function delay() return " + pauseMs + " end\n");
      cmd.add("-s");
      cmd.add(script.toString());
    }
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    long errors = 0;
    Matcher m = NON2XX.matcher(out);
    if (m.find()) {
      errors += Long.parseLong(m.group(1));
    }
    m = SOCKET.matcher(out);
    if (m.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(m.group(i));
      }
    }
    return new WrkRun(
        url,
        connections,
        number(RPS, out),
        percentile(out, "50%"),
        percentile(out, "99%"),
        (long) number(TOTAL, out),
        errors,
        out);
  }

  private static double number(Pattern p, String out) {
    Matcher m = p.matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /** A line of wrk's latency distribution, e.g. {@code 99% 12.34ms}, in milliseconds. */
  private static double percentile(String out, String which) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\b").matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "ms" -> v;
      case "s" -> v * 1000;
      default -> v * 60_000;
    };
  }
}
