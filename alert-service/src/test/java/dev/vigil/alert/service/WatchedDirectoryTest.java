package dev.vigil.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.service.breaker.BreakerYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polled directory shared by rule and breaker files: a bad version never replaces a good one.
 */
class WatchedDirectoryTest {

  @TempDir Path dir;

  private final WatchedDirectory<BreakerFile> files =
      new WatchedDirectory<>("breakers", BreakerYaml::read, BreakerFile::problems);

  @Test
  void aNewFileIsLoadedAndAnUnchangedOneIsNotReadAgain() throws IOException {
    write("a.yaml", breaker("alpha", "5m"));

    assertThat(scan()).isTrue();
    assertThat(good("a.yaml").specs()).extracting(BreakerSpec::name).containsExactly("alpha");
    assertThat(scan()).isFalse();
  }

  @Test
  void aBrokenVersionKeepsTheLastGoodOneInForceAndShowsItsProblems() throws IOException {
    write("a.yaml", breaker("alpha", "5m"));
    scan();

    write("a.yaml", breaker("alpha", "soon"));

    assertThat(scan()).isFalse();
    assertThat(good("a.yaml").specs().get(0).minOpen()).hasMinutes(5);
    assertThat(files.files().get("a.yaml").latest().problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.toString())
                    .startsWith(
                        "a.yaml:5: breakers[0].min_open (breaker alpha): 'soon' is not a"
                            + " duration"));
  }

  @Test
  void aBrokenFirstVersionContributesNothing() throws IOException {
    write("a.yaml", breaker("alpha", "soon"));

    scan();

    assertThat(files.files().get("a.yaml").good()).isNull();
  }

  @Test
  void aDeletedFileIsForgotten() throws IOException {
    write("a.yaml", breaker("alpha", "5m"));
    scan();

    Files.delete(dir.resolve("a.yaml"));

    assertThat(scan()).isTrue();
    assertThat(files.files()).isEmpty();
  }

  @Test
  void configMapBookkeepingAndOtherFilesAreIgnored() throws IOException {
    Files.createDirectory(dir.resolve("..2026_11_25_12_00_00.1"));
    write("..data", "not a breaker file");
    write("README.md", "not yaml");
    write("b.yml", breaker("beta", "1m"));

    scan();

    assertThat(files.files()).containsOnlyKeys("b.yml");
  }

  @Test
  void aMissingDirectoryHoldsNoFiles() {
    assertThat(files.scan(Optional.of(dir.resolve("absent").toString()))).isFalse();
    assertThat(files.files()).isEmpty();
  }

  private boolean scan() {
    return files.scan(Optional.of(dir.toString()));
  }

  private BreakerFile good(String name) {
    return files.files().get(name).good();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  private static String breaker(String name, String minOpen) {
    return String.join(
        "\n",
        "breakers:",
        "  - name: " + name,
        "    scope: 'service:{{ service }}'",
        "    matchers: ['alertname=\"X\"']",
        "    min_open: " + minOpen,
        "    actions: [route-around]",
        "");
  }
}
