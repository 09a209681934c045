package dev.vigil.bench.scanrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling: one {@code openssl s_time -new} per core against the endpoint, each a loop of full
 * handshakes (no session reuse), their connection rates summed. Each rate is counted over the
 * process's own wall time, measured here rather than taken from s_time's whole-second figure.
 */
final class OpenSslCeiling {

  private static final Pattern CONNECTIONS = Pattern.compile("(\\d+) connections in ([0-9.]+)s");

  private OpenSslCeiling() {}

  /** s_time's own CPU figure is user time only; system time is not counted for the clients. */
  static Measurement measure(NginxEndpoint endpoint, int clients, int seconds)
      throws IOException, InterruptedException {
    int port = endpoint.port();
    CpuMeter cpu = CpuMeter.start();
    double server0 = endpoint.cpuSeconds();
    List<Process> processes = new ArrayList<>();
    List<Long> started = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      started.add(System.nanoTime());
      processes.add(
          new ProcessBuilder(
                  "openssl",
                  "s_time",
                  "-new",
                  "-connect",
                  "127.0.0.1:" + port,
                  "-time",
                  Integer.toString(seconds))
              .redirectErrorStream(true)
              .start());
    }
    double rate = 0;
    long total = 0;
    double clientCpu = 0;
    for (int i = 0; i < clients; i++) {
      Process p = processes.get(i);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      double wall = (System.nanoTime() - started.get(i)) / 1e9;
      Matcher m = CONNECTIONS.matcher(out);
      if (!m.find()) {
        throw new IllegalStateException("unexpected s_time output: " + out);
      }
      long connections = Long.parseLong(m.group(1));
      total += connections;
      clientCpu += Double.parseDouble(m.group(2));
      rate += connections / wall;
    }
    double server = endpoint.cpuSeconds() - server0;
    return new Measurement(
        "openssl s_time -new x" + clients,
        clients,
        rate,
        total,
        0,
        cpu.busyPercent(),
        clientCpu * 1e6 / total,
        server * 1e6 / total);
  }
}
