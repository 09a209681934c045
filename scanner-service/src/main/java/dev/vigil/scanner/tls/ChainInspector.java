package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.ChainAnalysis;
import dev.vigil.scanner.domain.ChainAnalyzer;
import dev.vigil.scanner.domain.TargetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The full analysis of a served chain: decode every certificate, verify signatures and trust, then
 * let the domain's {@link ChainAnalyzer} find what is wrong. What a scan and the benchmark both
 * run.
 */
public final class ChainInspector {

  private final BouncyCastleCertificateDecoder decoder;
  private final ChainVerifier verifier;
  private final ChainAnalyzer analyzer;

  public ChainInspector(
      BouncyCastleCertificateDecoder decoder, ChainVerifier verifier, ChainAnalyzer analyzer) {
    this.decoder = decoder;
    this.verifier = verifier;
    this.analyzer = analyzer;
  }

  /**
   * Decodes, verifies and analyses a chain as served.
   *
   * @throws CertificateDecoder.CertificateDecodingException when a certificate is unreadable
   */
  public ChainAnalysis inspect(TargetSpec target, List<byte[]> served) {
    List<ParsedCertificate> parsed = new ArrayList<>(served.size());
    List<CertificateFacts> facts = new ArrayList<>(served.size());
    for (byte[] der : served) {
      ParsedCertificate cert = decoder.parse(der);
      parsed.add(cert);
      facts.add(decoder.facts(cert));
    }
    return analyzer.analyze(target, facts, verifier.verifyParsed(parsed));
  }

  /** As {@link #inspect(TargetSpec, List)}, for a caller that decoded the facts already. */
  public ChainAnalysis inspect(
      TargetSpec target, List<byte[]> served, List<CertificateFacts> facts) {
    return analyzer.analyze(target, facts, verifier.verify(served));
  }
}
