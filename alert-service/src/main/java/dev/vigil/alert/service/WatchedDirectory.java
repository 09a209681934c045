package dev.vigil.alert.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A directory of YAML files (e.g. a mounted ConfigMap) polled by content hash, each file compiled
 * all or nothing, where a broken version never replaces the last good one of that file. Shared by
 * the rule files and the breaker files so both behave alike. Not thread-safe: the owner polls it
 * under its own lock.
 *
 * @param <T> a compiled file
 */
public final class WatchedDirectory<T> {

  private static final Logger LOG = Logger.getLogger(WatchedDirectory.class);

  /**
   * What is known of one file.
   *
   * @param hash SHA-256 of the last content read
   * @param good the last version that compiled, or {@code null}
   * @param latest the last version read (equal to {@code good} when it compiled)
   */
  public record FileState<T>(String hash, T good, T latest) {}

  private final String kind;
  private final BiFunction<String, String, T> compiler;
  private final Function<T, List<?>> problems;
  private final Map<String, FileState<T>> files = new TreeMap<>();

  /**
   * @param kind what the files hold, for logs ("rules", "breakers")
   * @param compiler file name and text to a compiled file; never throws for bad content
   * @param problems what is wrong with a compiled file; empty = valid
   */
  public WatchedDirectory(
      String kind, BiFunction<String, String, T> compiler, Function<T, List<?>> problems) {
    this.kind = kind;
    this.compiler = compiler;
    this.problems = problems;
  }

  /** The files seen, by file name (the merge order). */
  public Map<String, FileState<T>> files() {
    return files;
  }

  /**
   * Reads the directory and compiles new or changed files.
   *
   * @return whether the good versions changed (a file loaded, replaced or removed)
   */
  public boolean scan(Optional<String> directory) {
    if (directory.isEmpty()) {
      return false;
    }
    Path dir = Path.of(directory.get());
    Map<String, String> seen = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        // A mounted ConfigMap holds "..data" links and dated directories; only *.yaml files count.
        list.filter(p -> !p.getFileName().toString().startsWith(".."))
            .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
            .filter(Files::isRegularFile)
            .forEach(p -> seen.put(p.getFileName().toString(), read(p)));
      } catch (IOException e) {
        LOG.warnf("cannot list %s directory %s: %s", kind, dir, e.getMessage());
        return false;
      }
    }
    boolean changed = files.keySet().retainAll(seen.keySet());
    for (Map.Entry<String, String> e : seen.entrySet()) {
      String text = e.getValue();
      if (text == null) {
        continue;
      }
      String hash = sha256(text);
      FileState<T> before = files.get(e.getKey());
      if (before != null && before.hash().equals(hash)) {
        continue;
      }
      T compiled = compiler.apply(e.getKey(), text);
      List<?> wrong = problems.apply(compiled);
      if (wrong.isEmpty()) {
        LOG.infof("%s file %s loaded", kind, e.getKey());
        files.put(e.getKey(), new FileState<>(hash, compiled, compiled));
        changed = true;
      } else {
        wrong.forEach(
            p -> LOG.errorf("%s file rejected, keeping the last good version: %s", kind, p));
        files.put(
            e.getKey(), new FileState<>(hash, before == null ? null : before.good(), compiled));
      }
    }
    return changed;
  }

  private String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warnf("cannot read %s file %s: %s", kind, p, e.getMessage());
      return null;
    }
  }

  /** Content hash, also used by owners to tell versions of a definition apart. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
