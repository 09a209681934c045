package dev.vigil.scanner.chain;

import dev.vigil.scanner.domain.source.SecretReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves header values given as secret references ({@code env:NAME}, {@code file:/path}) at probe
 * time, so keys can live in a Kubernetes Secret instead of in the topic and the database. Other
 * values are sent as they are. Values are never logged.
 */
@ApplicationScoped
public class HeaderSecrets {

  private static final int MAX_SECRET = 8_192;

  private final UnaryOperator<String> env;

  public HeaderSecrets() {
    this(System::getenv);
  }

  HeaderSecrets(UnaryOperator<String> env) {
    this.env = env;
  }

  /** The headers to send, or the name of the first header whose secret could not be read. */
  public record Resolved(Map<String, String> headers, String unavailableHeader) {}

  public Resolved resolve(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      var reference = SecretReference.parse(header.getValue());
      if (reference.isEmpty()) {
        out.put(header.getKey(), header.getValue());
        continue;
      }
      String value = read(reference.get());
      if (value == null) {
        return new Resolved(Map.of(), header.getKey());
      }
      out.put(header.getKey(), value);
    }
    return new Resolved(out, null);
  }

  private String read(SecretReference reference) {
    if (reference.scheme() == SecretReference.Scheme.ENV) {
      return env.apply(reference.location());
    }
    try {
      Path path = Path.of(reference.location());
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_SECRET) {
        return null;
      }
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
