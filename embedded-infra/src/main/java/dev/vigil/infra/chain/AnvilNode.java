package dev.vigil.infra.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real local EVM node: anvil from the npm package {@code @foundry-rs/anvil}, started on a free
 * loopback port, for tests and benchmarks. The binary comes from {@code VIGIL_ANVIL_BIN}, or from
 * the npm cache directory that {@code .ci/run} fills ({@value #INSTALL}). Missing anvil fails the
 * caller: it is never skipped.
 */
public final class AnvilNode implements AutoCloseable {

  public static final String INSTALL =
      "npm install --prefix ~/.cache/vigil-anvil @foundry-rs/anvil@1.7.1";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;

  private AnvilNode(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Where the binary is: the env variable, else the platform package npm put in the cache. */
  public static Path binary() {
    String fromEnv = System.getenv("VIGIL_ANVIL_BIN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    String os =
        System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
    String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "arm64" : "amd64";
    return Path.of(
        System.getProperty("user.home"),
        ".cache/vigil-anvil/node_modules/@foundry-rs/anvil-" + os + "-" + arch + "/bin/anvil");
  }

  /** {@link #start(long, int, Path)} logging to {@code target/anvil-<port>.log}. */
  public static AnvilNode start(long chainId, int blockTimeSeconds) {
    return start(chainId, blockTimeSeconds, null);
  }

  /**
   * Starts anvil and waits (up to 20 s) until it answers.
   *
   * @param chainId the chain id anvil reports
   * @param blockTimeSeconds interval mining period, or 0 for {@code --no-mining}
   * @param log where its output goes; {@code null}: {@code target/anvil-<port>.log}
   */
  public static AnvilNode start(long chainId, int blockTimeSeconds, Path log) {
    Path bin = binary();
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          "anvil not found at "
              + bin
              + ". Install it with `"
              + INSTALL
              + "` or point VIGIL_ANVIL_BIN at an anvil binary.");
    }
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                bin.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--chain-id",
                Long.toString(chainId),
                "--slots-in-an-epoch",
                "2",
                "--silent"));
    if (blockTimeSeconds > 0) {
      command.addAll(List.of("--block-time", Integer.toString(blockTimeSeconds)));
    } else {
      command.add("--no-mining");
    }
    Process process;
    try {
      Path out = log != null ? log : Path.of("target", "anvil-" + port + ".log");
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AnvilNode node = new AnvilNode(process, port);
    node.awaitAnswering(Duration.ofSeconds(20));
    return node;
  }

  private void awaitAnswering(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (rpc("eth_chainId").isTextual()) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while anvil started", e);
      }
      if (System.nanoTime() > deadline || !process.isAlive()) {
        close();
        throw new IllegalStateException("anvil did not answer within " + timeout);
      }
      try {
        Thread.sleep(100); // polling a child process's port, no test framework here
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while anvil started", e);
      }
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** One JSON-RPC call (params as JSON text); returns {@code result}, throws on an error. */
  public JsonNode rpc(String method, String... params) throws IOException, InterruptedException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":["
            + String.join(",", params)
            + "]}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode reply = JSON.readTree(response.body());
    if (reply.hasNonNull("error")) {
      throw new IOException(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  public long height() throws IOException, InterruptedException {
    return Long.decode(rpc("eth_blockNumber").asText());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
