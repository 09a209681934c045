package dev.vigil.scanner.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderSecretsTest {

  private final HeaderSecrets secrets =
      new HeaderSecrets(name -> name.equals("RPC_TOKEN") ? "Bearer from-env" : null);

  @Test
  void referencesAreReadAndOtherValuesSentAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "from-file\n");

    HeaderSecrets.Resolved resolved =
        secrets.resolve(
            Map.of(
                "Authorization", "env:RPC_TOKEN",
                "X-Api-Key", "file:" + file,
                "X-Client", "vigil"));

    assertThat(resolved.unavailableHeader()).isNull();
    assertThat(resolved.headers())
        .containsEntry("Authorization", "Bearer from-env")
        .containsEntry("X-Api-Key", "from-file")
        .containsEntry("X-Client", "vigil");
  }

  @Test
  void anUnreadableReferenceNamesTheHeaderAndSendsNothing(@TempDir Path dir) {
    assertThat(secrets.resolve(Map.of("Authorization", "env:MISSING")).unavailableHeader())
        .isEqualTo("Authorization");
    HeaderSecrets.Resolved missingFile =
        secrets.resolve(Map.of("X-Api-Key", "file:" + dir.resolve("absent")));
    assertThat(missingFile.unavailableHeader()).isEqualTo("X-Api-Key");
    assertThat(missingFile.headers()).isEmpty();
  }
}
