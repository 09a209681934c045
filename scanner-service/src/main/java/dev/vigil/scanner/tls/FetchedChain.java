package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import java.util.List;

/**
 * What a TLS handshake with one address returned: the DER certificates as served (at most {@link
 * #MAX_ANALYSED}) and the protocol, or a typed reason why nothing could be read.
 *
 * @param servedCount how many certificates the server sent; more than {@code certificates} when the
 *     chain was cut at {@link #MAX_ANALYSED}
 * @param stapledOcsp the DER OCSP response the server stapled to the handshake (status_request),
 *     unverified, or null when it stapled none
 */
public record FetchedChain(
    List<byte[]> certificates,
    String protocol,
    String address,
    UnreachableReason failure,
    String detail,
    int servedCount,
    byte[] stapledOcsp) {

  /** Certificates analysed per chain; a hostile server may send many more. */
  public static final int MAX_ANALYSED = 20;

  public static FetchedChain served(List<byte[]> certificates, String protocol, String address) {
    return served(certificates, protocol, address, null);
  }

  public static FetchedChain served(
      List<byte[]> certificates, String protocol, String address, byte[] stapledOcsp) {
    List<byte[]> analysed =
        certificates.size() > MAX_ANALYSED ? certificates.subList(0, MAX_ANALYSED) : certificates;
    return new FetchedChain(
        List.copyOf(analysed), protocol, address, null, null, certificates.size(), stapledOcsp);
  }

  public static FetchedChain failed(UnreachableReason reason, String address, String detail) {
    return new FetchedChain(List.of(), null, address, reason, detail, 0, null);
  }

  public boolean ok() {
    return failure == null;
  }

  /** The server sent more certificates than were kept. */
  public boolean truncated() {
    return servedCount > certificates.size();
  }
}
