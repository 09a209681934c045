package dev.vigil.scanner.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {

  @TempDir Path dir;

  private Path touch(String relative) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    return file;
  }

  private List<String> found(Path root) throws Exception {
    return FileDiscovery.find(root).stream().map(p -> dir.relativize(p).toString()).toList();
  }

  @Test
  void certificateFilesAreFoundRecursivelyAndSorted() throws Exception {
    for (String f :
        List.of(
            "b/server.pem",
            "a.crt",
            "a/deep/er/root.cer",
            "x.der",
            "ks.p12",
            "ks.pfx",
            "trust.jks",
            "server.key",
            "notes.txt")) {
      touch(f);
    }

    assertThat(found(dir))
        .containsExactly(
            "a.crt",
            "a/deep/er/root.cer",
            "b/server.pem",
            "ks.p12",
            "ks.pfx",
            "trust.jks",
            "x.der");
  }

  @Test
  void mountedSecretIsReadOnceThroughItsVisibleName() throws Exception {
    // The kubelet layout: tls.crt -> ..data/tls.crt -> ..2026_01_01/tls.crt
    Path real = touch("mount/..2026_01_01/tls.crt");
    Files.createSymbolicLink(dir.resolve("mount/..data"), real.getParent().getFileName());
    Files.createSymbolicLink(dir.resolve("mount/tls.crt"), Path.of("..data/tls.crt"));

    assertThat(found(dir.resolve("mount"))).containsExactly("mount/tls.crt");
  }

  @Test
  void linkLoopDoesNotStopTheWalk() throws Exception {
    touch("loop/ca.pem");
    Files.createSymbolicLink(dir.resolve("loop/self"), dir.resolve("loop"));

    assertThat(found(dir)).containsExactly("loop/ca.pem");
  }

  @Test
  void configuredFileIsReadWhateverItsName() throws Exception {
    Path bundle = touch("ca-bundle");

    assertThat(found(bundle)).containsExactly("ca-bundle");
  }

  @Test
  void missingPathIsEmpty() throws Exception {
    assertThat(found(dir.resolve("does-not-exist"))).isEmpty();
  }
}
