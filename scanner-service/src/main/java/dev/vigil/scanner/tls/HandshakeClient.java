package dev.vigil.scanner.tls;

/**
 * Which TLS client makes the first handshake of a scan ({@code vigil.scanner.tls-client}). Both
 * read the chain without trusting it; whatever the first one cannot complete is tried again with
 * the JDK's full configuration and then BouncyCastle's legacy client, as before.
 */
public enum HandshakeClient {
  /** BouncyCastle's TLS API: one X25519 key share, a HelloRetryRequest for other groups. */
  BOUNCYCASTLE,
  /** The JDK's JSSE, first offering X25519/X448 only ({@link KeyShareGroups}). */
  JDK
}
