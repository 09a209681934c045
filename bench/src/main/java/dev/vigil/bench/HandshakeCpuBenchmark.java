package dev.vigil.bench;

import dev.vigil.bench.scanrate.HandshakeCpu;

/**
 * CPU per full TLS handshake of the scanner's TLS clients (BouncyCastle's and the JDK's), single
 * thread, against nginx on loopback. See {@code bench/RESULTS.md}.
 */
public final class HandshakeCpuBenchmark {

  private HandshakeCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    HandshakeCpu.main(args);
  }
}
