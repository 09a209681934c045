package dev.vigil.bench.scanrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prometheus' blackbox_exporter with a {@code tcp} module that completes a TLS handshake and
 * verifies the chain against the benchmark root, as one would configure it to watch certificates.
 */
final class Blackbox implements AutoCloseable {

  static final String MODULE = "tls_connect";

  private final Process process;
  private final int port;

  private Blackbox(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Blackbox start(Path dir, BenchPki pki) throws IOException, InterruptedException {
    Path binary =
        Processes.executable(
            "blackbox_exporter",
            List.of("/usr/bin/prometheus-blackbox-exporter", "/usr/local/bin/blackbox_exporter"));
    int port = Processes.freePort();
    Path config = dir.resolve("blackbox.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "modules:",
            "  " + MODULE + ":",
            "    prober: tcp",
            "    timeout: 10s",
            "    tcp:",
            "      tls: true",
            "      preferred_ip_protocol: ip4",
            "      tls_config:",
            "        ca_file: " + pki.rootPem(),
            "        server_name: " + BenchPki.SERVER_NAME,
            ""));
    Path log = dir.resolve("blackbox.out");
    Process process =
        Processes.start(
            log,
            binary.toString(),
            "--config.file=" + config,
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn");
    Processes.awaitPort(process, port, Duration.ofSeconds(10), log);
    return new Blackbox(process, port);
  }

  int port() {
    return port;
  }

  double cpuSeconds() {
    return ProcessCpu.seconds(process.toHandle());
  }

  @Override
  public void close() throws InterruptedException {
    Processes.stop(process);
  }
}
