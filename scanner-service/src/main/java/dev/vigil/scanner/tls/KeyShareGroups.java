package dev.vigil.scanner.tls;

import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Locale;
import java.util.Set;

/**
 * Limits a JDK handshake's key exchange to X25519 and X448. The JDK 17 client sends a key share for
 * the first group of each family it offers, so by default every ClientHello carries an X25519 and a
 * P-256 key pair; the P-256 one, generated in Java, cost half of a scan's CPU time in the scan-rate
 * benchmark while almost every server picks X25519. A server that only speaks the NIST curves or
 * finite-field groups refuses this handshake; the fetcher then tries again with the JDK's full list
 * ({@link JsseTlsChainFetcher}). {@code SSLParameters.setNamedGroups} would say this directly but
 * arrives in JDK 20; algorithm constraints are how JDK 17 filters named groups.
 */
final class KeyShareGroups implements AlgorithmConstraints {

  static final KeyShareGroups XDH_ONLY = new KeyShareGroups();

  private static final Set<String> LEFT_OUT =
      Set.of(
          "secp256r1",
          "secp384r1",
          "secp521r1",
          "ffdhe2048",
          "ffdhe3072",
          "ffdhe4096",
          "ffdhe6144",
          "ffdhe8192");

  private KeyShareGroups() {}

  @Override
  public boolean permits(
      Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
    return algorithm == null
        || !primitives.contains(CryptoPrimitive.KEY_AGREEMENT)
        || !LEFT_OUT.contains(algorithm.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
    return true;
  }

  @Override
  public boolean permits(
      Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
    return permits(primitives, algorithm, parameters);
  }
}
