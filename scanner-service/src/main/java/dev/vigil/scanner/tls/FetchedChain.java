package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import java.util.List;

/**
 * What a TLS handshake with one address returned: the DER certificates as served (at most {@link
 * #MAX_ANALYSED}) and the protocol, or a typed reason why nothing could be read.
 *
 * @param servedCount how many certificates the server sent; more than {@code certificates} when the
 *     chain was cut at {@link #MAX_ANALYSED}
 */
public record FetchedChain(
    List<byte[]> certificates,
    String protocol,
    String address,
    UnreachableReason failure,
    String detail,
    int servedCount) {

  /** Certificates analysed per chain; a hostile server may send many more. */
  public static final int MAX_ANALYSED = 20;

  public static FetchedChain served(List<byte[]> certificates, String protocol, String address) {
    List<byte[]> analysed =
        certificates.size() > MAX_ANALYSED ? certificates.subList(0, MAX_ANALYSED) : certificates;
    return new FetchedChain(
        List.copyOf(analysed), protocol, address, null, null, certificates.size());
  }

  public static FetchedChain failed(UnreachableReason reason, String address, String detail) {
    return new FetchedChain(List.of(), null, address, reason, detail, 0);
  }

  public boolean ok() {
    return failure == null;
  }

  /** The server sent more certificates than were kept. */
  public boolean truncated() {
    return servedCount > certificates.size();
  }
}
