package dev.vigil.scanner.peers;

import dev.vigil.infra.tls.KeyMaterial;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code openssl} as a TLS peer Vigil did not write. Tests that use it fail (not skip)
 * when it is missing: CI installs it.
 */
public final class OpenSsl {

  private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+)\\s*$");

  private OpenSsl() {}

  /** The openssl binary, or a failed test telling how to get it. */
  public static String binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "openssl");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new AssertionError(
        "openssl is not in PATH: these tests check Vigil against OpenSSL's TLS stack. "
            + "Install Debian's openssl (apt-get install openssl); .ci/run must install it.");
  }

  /** Writes {@code material} as PEM files for openssl: key, leaf, and the rest of the chain. */
  public static Path writePem(KeyMaterial material, Path dir) {
    try {
      Files.writeString(
          dir.resolve("key.pem"),
          pem("PRIVATE KEY", material.privateKey().getEncoded()),
          StandardCharsets.US_ASCII);
      Files.writeString(dir.resolve("cert.pem"), pem(material.leaf()), StandardCharsets.US_ASCII);
      StringBuilder rest = new StringBuilder();
      for (X509Certificate c : material.chain().subList(1, material.chain().size())) {
        rest.append(pem(c));
      }
      Files.writeString(dir.resolve("chain.pem"), rest, StandardCharsets.US_ASCII);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(X509Certificate certificate) {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** A running {@code openssl s_server} on a free loopback port. */
  public static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    public int port() {
      return port;
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts {@code openssl s_server -www} on {@code bind} (e.g. {@code 127.0.0.1} or {@code [::1]})
   * with the PEM files in {@code pemDir} and extra options such as {@code -tls1}.
   */
  public static Server server(Path pemDir, String bind, String... options) {
    List<String> command = new ArrayList<>();
    command.add(binary());
    command.add("s_server");
    command.addAll(List.of("-accept", bind + ":0", "-www"));
    command.addAll(List.of("-key", pemDir.resolve("key.pem").toString()));
    command.addAll(List.of("-cert", pemDir.resolve("cert.pem").toString()));
    command.addAll(List.of("-cert_chain", pemDir.resolve("chain.pem").toString()));
    command.addAll(List.of(options));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      CompletableFuture<Integer> port = new CompletableFuture<>();
      List<String> seen = new ArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (seen) {
                      seen.add(line);
                    }
                    Matcher m = ACCEPT.matcher(line);
                    if (m.find()) {
                      port.complete(Integer.parseInt(m.group(1)));
                    }
                  }
                } catch (IOException ignored) {
                  // process ended
                }
                port.completeExceptionally(
                    new AssertionError("openssl s_server exited: " + String.join("\n", seen)));
              },
              "openssl-s_server-output");
      reader.setDaemon(true);
      reader.start();
      return new Server(process, port.get(20, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new AssertionError("cannot start " + String.join(" ", command) + ": " + e, e);
    }
  }

  /**
   * Runs {@code openssl s_client -starttls protocol} against a local port and returns its output;
   * it ends by itself because its standard input is closed.
   */
  public static String startTlsClient(int port, String protocol) {
    List<String> command =
        List.of(
            binary(),
            "s_client",
            "-connect",
            "127.0.0.1:" + port,
            "-starttls",
            protocol,
            "-name",
            "mail.vigil.test",
            "-brief");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      CompletableFuture<String> output =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(
                      process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("openssl s_client did not finish: " + command);
      }
      return output.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot run " + command + ": " + e, e);
    }
  }
}
