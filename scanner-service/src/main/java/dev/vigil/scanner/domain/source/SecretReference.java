package dev.vigil.scanner.domain.source;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a keystore password is kept: {@code env:NAME} (an environment variable) or {@code
 * file:/path} (a file, e.g. a mounted Kubernetes Secret). The password itself never appears in
 * configuration, and this type never holds it.
 */
public record SecretReference(Scheme scheme, String location) {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public enum Scheme {
    ENV,
    FILE
  }

  /**
   * Parses a reference; empty when it is neither form. The caller must not echo an unparsable
   * value: it may be a password typed in by mistake.
   */
  public static Optional<SecretReference> parse(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      return ENV_NAME.matcher(name).matches()
          ? Optional.of(new SecretReference(Scheme.ENV, name))
          : Optional.empty();
    }
    if (reference.startsWith("file:") && reference.length() > 5) {
      return Optional.of(new SecretReference(Scheme.FILE, reference.substring(5)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return scheme.name().toLowerCase(java.util.Locale.ROOT) + ":" + location;
  }
}
