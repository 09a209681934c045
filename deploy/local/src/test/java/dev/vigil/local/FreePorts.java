package dev.vigil.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for services started by tests. */
final class FreePorts {

  /*
   * Ports are drawn below Linux's ephemeral range (32768-60999): a port from that range that was
   * free when checked can be taken by any outbound connection (Kafka and JDBC clients open many)
   * before the child service binds it, which made whole-system tests fail now and then.
   */
  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;

  private FreePorts() {}

  /** The first of {@code count} consecutive free ports. */
  static int consecutive(int count) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(LOW, HIGH - count);
      boolean free = true;
      for (int i = 0; i < count && free; i++) {
        free = isFree(base + i);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
