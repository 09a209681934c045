package dev.vigil.scanner.source;

import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.source.ChainSplitter;
import dev.vigil.scanner.tls.CertificateDecoder;
import dev.vigil.scanner.tls.CertificateDecoder.CertificateDecodingException;
import dev.vigil.scanner.tls.store.CertificateStoreReader;
import dev.vigil.scanner.tls.store.StoreFormat;
import dev.vigil.scanner.tls.store.StoredEntry;
import dev.vigil.scanner.tls.store.UnreadableStoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Turns the bytes of a file or object into decoded chains, one per keystore alias or PEM chain. */
@ApplicationScoped
public class SourceChains {

  private final CertificateStoreReader reader;
  private final CertificateDecoder decoder;

  public SourceChains(CertificateStoreReader reader, CertificateDecoder decoder) {
    this.reader = reader;
    this.decoder = decoder;
  }

  /**
   * A chain found in a file or object.
   *
   * @param entry keystore alias, {@code chain-N} for the N-th chain (N from 2) of a PEM bundle, or
   *     {@code null} for the first one
   * @param encoded the DER of each certificate, in the same order (for revocation checks)
   */
  public record Chain(String entry, List<CertificateFacts> certificates, List<byte[]> encoded) {}

  /**
   * @return the chains; empty when a PEM file holds no certificate at all (a key file)
   * @throws UnreadableStoreException when the content cannot be read; the message holds no secret
   */
  public List<Chain> read(StoreFormat format, byte[] content, char[] password)
      throws UnreadableStoreException {
    List<Chain> chains = new ArrayList<>();
    for (StoredEntry entry : reader.read(format, content, password)) {
      List<CertificateFacts> facts = decode(entry);
      if (entry.alias() != null) {
        chains.add(new Chain(entry.alias(), facts, entry.certificates()));
        continue;
      }
      // The splitter keeps the decoded objects, so identity finds each one's DER again.
      Map<CertificateFacts, byte[]> der = new IdentityHashMap<>();
      for (int i = 0; i < facts.size(); i++) {
        der.put(facts.get(i), entry.certificates().get(i));
      }
      List<List<CertificateFacts>> split = ChainSplitter.split(facts);
      for (int i = 0; i < split.size(); i++) {
        List<CertificateFacts> chain = split.get(i);
        chains.add(
            new Chain(
                i == 0 ? null : "chain-" + (i + 1), chain, chain.stream().map(der::get).toList()));
      }
    }
    return chains;
  }

  private List<CertificateFacts> decode(StoredEntry entry) throws UnreadableStoreException {
    List<CertificateFacts> facts = new ArrayList<>();
    for (byte[] der : entry.certificates()) {
      try {
        facts.add(decoder.decode(der));
      } catch (CertificateDecodingException e) {
        String where = entry.alias() == null ? "" : " of alias " + entry.alias();
        throw new UnreadableStoreException(
            "certificate " + (facts.size() + 1) + where + " is unreadable: " + e.getMessage());
      }
    }
    return facts;
  }
}
