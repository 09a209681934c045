package dev.vigil.bench.scanrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The TLS endpoint every client scans: nginx with one worker per core, OpenSSL underneath, session
 * cache and tickets off so every client pays for a full handshake (as {@code s_time -new} does).
 * Event-driven and multi-process, so it is not a serial bottleneck the way {@code openssl s_server}
 * (one connection at a time) would be.
 */
final class NginxEndpoint implements AutoCloseable {

  private final Process process;
  private final int port;

  private NginxEndpoint(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static NginxEndpoint start(Path dir, BenchPki pki, int workers)
      throws IOException, InterruptedException {
    Path nginx = Processes.executable("nginx", List.of("/usr/sbin/nginx", "/usr/bin/nginx"));
    int port = Processes.freePort();
    Path temp = Files.createDirectories(dir.resolve("nginx-temp"));
    Path config = dir.resolve("nginx.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "worker_processes " + workers + ";",
            "daemon off;",
            "master_process on;",
            "pid " + dir.resolve("nginx.pid") + ";",
            "error_log " + dir.resolve("nginx-error.log") + " warn;",
            "events { worker_connections 4096; }",
            "http {",
            "  access_log off;",
            "  client_body_temp_path " + temp + ";",
            "  proxy_temp_path " + temp + ";",
            "  fastcgi_temp_path " + temp + ";",
            "  uwsgi_temp_path " + temp + ";",
            "  scgi_temp_path " + temp + ";",
            "  server {",
            "    listen 127.0.0.1:" + port + " ssl backlog=4096;",
            "    ssl_certificate " + pki.chainPem() + ";",
            "    ssl_certificate_key " + pki.keyPem() + ";",
            "    ssl_protocols TLSv1.2 TLSv1.3;",
            "    ssl_session_cache off;",
            "    ssl_session_tickets off;",
            "    location / { return 204; }",
            "  }",
            "}",
            ""));
    Path log = dir.resolve("nginx.out");
    Process process =
        Processes.start(
            log, nginx.toString(), "-c", config.toString(), "-p", dir.toString(), "-e", "stderr");
    Processes.awaitPort(process, port, Duration.ofSeconds(10), log);
    return new NginxEndpoint(process, port);
  }

  int port() {
    return port;
  }

  /** CPU seconds used by the master and worker processes so far. */
  double cpuSeconds() {
    return ProcessCpu.seconds(process.toHandle());
  }

  @Override
  public void close() throws InterruptedException {
    Processes.stop(process);
  }
}
