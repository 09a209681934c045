package dev.vigil.scanner.source.file;

import dev.vigil.scanner.tls.store.StoreFormat;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the certificate files under a configured path. Symbolic links are followed (mounted
 * Kubernetes Secrets are links into a hidden {@code ..data} directory), and hidden entries are
 * skipped, so each mounted file is read once, through its visible name.
 */
final class FileDiscovery {

  static final int MAX_DEPTH = 16;
  static final int MAX_FILES = 10_000;

  private FileDiscovery() {}

  /**
   * @return the path itself when it is a regular file (whatever its name), else the files with a
   *     certificate extension under it, sorted; empty when the path does not exist
   */
  static List<Path> find(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()
                && !hidden(file)
                && StoreFormat.ofFileName(file.getFileName().toString()).isPresent()) {
              found.add(file);
            }
            return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // An unreadable directory or a link loop must not hide the rest of the tree.
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(null);
    return found;
  }

  private static boolean hidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
