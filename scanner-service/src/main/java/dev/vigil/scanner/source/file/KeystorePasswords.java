package dev.vigil.scanner.source.file;

import dev.vigil.scanner.domain.source.PasswordRules;
import dev.vigil.scanner.domain.source.SecretReference;
import dev.vigil.scanner.tls.store.UnreadableStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Resolves the password of a keystore from its secret reference, at scan time, so a rotated
 * password is picked up without a restart. Error messages name the reference, never the password,
 * and never echo a reference that does not parse (it may be a password pasted by mistake).
 */
final class KeystorePasswords {

  private final PasswordRules rules;
  private final UnaryOperator<String> environment;

  KeystorePasswords(PasswordRules rules, UnaryOperator<String> environment) {
    this.rules = rules;
    this.environment = environment;
  }

  /**
   * @return the password, or {@code null} when no rule covers the file; the caller clears it
   * @throws UnreadableStoreException when a rule covers the file but yields no password
   */
  char[] passwordFor(Path file) throws UnreadableStoreException {
    Optional<PasswordRules.Match> match = rules.find(file);
    if (match.isEmpty()) {
      return null;
    }
    String pattern = match.get().pattern();
    SecretReference reference =
        SecretReference.parse(match.get().reference())
            .orElseThrow(
                () ->
                    new UnreadableStoreException(
                        "the password reference for '"
                            + pattern
                            + "' is neither env:NAME nor file:PATH"));
    return switch (reference.scheme()) {
      case ENV -> fromEnvironment(reference.location());
      case FILE -> fromFile(Path.of(reference.location()));
    };
  }

  private char[] fromEnvironment(String name) throws UnreadableStoreException {
    String value = environment.apply(name);
    if (value == null) {
      throw new UnreadableStoreException(
          "environment variable " + name + " (keystore password) is not set");
    }
    return value.toCharArray();
  }

  private static char[] fromFile(Path file) throws UnreadableStoreException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnreadableStoreException("password file " + file + " cannot be read");
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
      int end = chars.limit();
      // One trailing line break is how files end, not part of the password.
      if (end > 0 && chars.get(end - 1) == '\n') {
        end--;
      }
      if (end > 0 && chars.get(end - 1) == '\r') {
        end--;
      }
      char[] password = new char[end];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      return password;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
