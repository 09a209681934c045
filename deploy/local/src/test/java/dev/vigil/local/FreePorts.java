package dev.vigil.local;

import java.io.IOException;
import java.net.ServerSocket;

/** Free loopback ports for services started by tests. */
final class FreePorts {

  private FreePorts() {}

  /** The first of {@code count} consecutive free ports. */
  static int consecutive(int count) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0)) {
        base = probe.getLocalPort();
      } catch (IOException e) {
        continue;
      }
      boolean free = base + count < 65_000;
      for (int i = 1; i < count && free; i++) {
        free = isFree(base + i);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports");
  }

  private static boolean isFree(int port) {
    try (ServerSocket ignored = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
