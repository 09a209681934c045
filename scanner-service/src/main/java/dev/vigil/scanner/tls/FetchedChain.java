package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import java.util.List;

/**
 * What a TLS handshake returned: the DER certificates as served and the protocol, or a typed reason
 * why nothing could be read.
 */
public record FetchedChain(
    List<byte[]> certificates,
    String protocol,
    String address,
    UnreachableReason failure,
    String detail) {

  public static FetchedChain served(List<byte[]> certificates, String protocol, String address) {
    return new FetchedChain(List.copyOf(certificates), protocol, address, null, null);
  }

  public static FetchedChain failed(UnreachableReason reason, String address, String detail) {
    return new FetchedChain(List.of(), null, address, reason, detail);
  }

  public boolean ok() {
    return failure == null;
  }
}
