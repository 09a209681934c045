package dev.vigil.scanner.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.scanner.domain.source.PasswordRules;
import dev.vigil.scanner.tls.store.UnreadableStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeystorePasswordsTest {

  private static final Map<String, String> ENVIRONMENT = Map.of("KS_PASSWORD", "from-env");

  @TempDir Path dir;

  private KeystorePasswords passwords(String pattern, String reference) {
    return new KeystorePasswords(new PasswordRules(Map.of(pattern, reference)), ENVIRONMENT::get);
  }

  @Test
  void environmentVariableIsReadAtScanTime() throws Exception {
    assertThat(passwords("*.p12", "env:KS_PASSWORD").passwordFor(dir.resolve("a.p12")))
        .containsExactly("from-env".toCharArray());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # name                          | file content       | password
          plain                           | from-file          | from-file
          one trailing newline dropped    | 'from-file\\n'      | from-file
          CRLF dropped                    | 'from-file\\r\\n'    | from-file
          only one newline dropped        | 'two\\n\\n'          | 'two\\n'
          spaces are part of it           | ' pad '            | ' pad '
          """)
  void passwordFileIsReadWithoutItsLineBreak(String name, String content, String expected)
      throws Exception {
    Path secret = dir.resolve("password");
    Files.writeString(
        secret, content.replace("\\n", "\n").replace("\\r", "\r"), StandardCharsets.UTF_8);

    char[] password = passwords("*.jks", "file:" + secret).passwordFor(dir.resolve("a.jks"));

    assertThat(new String(password)).isEqualTo(expected.replace("\\n", "\n"));
  }

  @Test
  void fileWithoutARuleHasNoPassword() throws Exception {
    assertThat(passwords("*.p12", "env:KS_PASSWORD").passwordFor(dir.resolve("a.jks"))).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # name                               | reference                | message
          unset environment variable          | env:MISSING_PASSWORD     | environment variable MISSING_PASSWORD (keystore password) is not set
          missing password file               | file:/nonexistent/pass   | password file /nonexistent/pass cannot be read
          a password pasted as the reference  | hunter2-Secret           | the password reference for '*.p12' is neither env:NAME nor file:PATH
          """)
  void unusableReferenceIsATypedErrorThatNeverEchoesASecret(
      String name, String reference, String message) {
    assertThatThrownBy(() -> passwords("*.p12", reference).passwordFor(dir.resolve("a.p12")))
        .isInstanceOf(UnreadableStoreException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }
}
