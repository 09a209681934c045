package dev.vigil.scanner.tls.revocation;

import dev.vigil.scanner.domain.RevocationAnswer;
import dev.vigil.scanner.domain.RevocationAnswer.Source;
import dev.vigil.scanner.domain.RevocationAnswer.Why;
import java.io.IOException;
import java.security.Provider;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * OCSP requests and responses (RFC 6960), read and verified: a response counts only when it is
 * signed by the certificate's issuer or by a responder the issuer certified for OCSP signing
 * (id-kp-OCSPSigning), and when it is about this very certificate (issuer name and key hashes and
 * serial). Freshness is the domain's to judge.
 */
final class Ocsp {

  private static final Provider BC = new BouncyCastleProvider();
  private static final DigestCalculatorProvider DIGESTS;

  static {
    try {
      DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Ocsp() {}

  /**
   * A DER OCSP request for {@code cert}. The CertID uses SHA-1, which every responder understands
   * (RFC 5019 requires it of lightweight responders).
   *
   * @param nonce a nonce to send, or null for none (most large responders ignore nonces and serve
   *     pre-signed responses)
   */
  static byte[] request(X509CertificateHolder cert, X509CertificateHolder issuer, byte[] nonce)
      throws OCSPException, IOException, OperatorCreationException {
    CertificateID id =
        new CertificateID(DIGESTS.get(CertificateID.HASH_SHA1), issuer, cert.getSerialNumber());
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
    if (nonce != null) {
      builder.setRequestExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                  false,
                  new DEROctetString(nonce).getEncoded())));
    }
    return builder.build().getEncoded();
  }

  /**
   * What a DER OCSP response says about {@code cert}, after checking who signed it and what it is
   * about.
   *
   * @param nonce the nonce sent, or null; a response that echoes a different one is refused, one
   *     without a nonce is accepted (responders may ignore it)
   * @param now for the validity of a delegated responder's certificate
   */
  static RevocationAnswer read(
      byte[] der,
      Source source,
      String host,
      X509CertificateHolder cert,
      X509CertificateHolder issuer,
      byte[] nonce,
      Instant now) {
    OCSPResp response;
    try {
      response = new OCSPResp(der);
    } catch (IOException | RuntimeException e) {
      return RevocationAnswer.failed(source, host, Why.MALFORMED, "not an OCSP response");
    }
    Why refused =
        switch (response.getStatus()) {
          case OCSPResp.SUCCESSFUL -> null;
          case OCSPResp.MALFORMED_REQUEST -> Why.MALFORMED_REQUEST;
          case OCSPResp.INTERNAL_ERROR -> Why.INTERNAL_ERROR;
          case OCSPResp.TRY_LATER -> Why.TRY_LATER;
          case OCSPResp.SIG_REQUIRED -> Why.SIG_REQUIRED;
          case OCSPResp.UNAUTHORIZED -> Why.UNAUTHORIZED;
          default -> Why.MALFORMED;
        };
    if (refused != null) {
      return RevocationAnswer.failed(
          source, host, refused, "responseStatus " + response.getStatus());
    }
    BasicOCSPResp basic;
    try {
      if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
        return RevocationAnswer.failed(source, host, Why.MALFORMED, "not a basic OCSP response");
      }
      basic = b;
    } catch (OCSPException | RuntimeException e) {
      return RevocationAnswer.failed(source, host, Why.MALFORMED, "unreadable basic response");
    }
    if (!signedByIssuerOrDelegate(basic, issuer, now)) {
      return RevocationAnswer.failed(
          source,
          host,
          Why.BAD_SIGNATURE,
          "signed by neither the issuer nor a responder it certified for OCSP signing");
    }
    if (nonce != null && !nonceMatches(basic, nonce)) {
      return RevocationAnswer.failed(
          source, host, Why.WRONG_CERTIFICATE, "the response echoes another nonce");
    }
    SingleResp single = find(basic, cert, issuer);
    if (single == null) {
      return RevocationAnswer.failed(
          source, host, Why.WRONG_CERTIFICATE, "the response is about other certificates");
    }
    Instant thisUpdate = single.getThisUpdate().toInstant();
    Instant nextUpdate = single.getNextUpdate() != null ? single.getNextUpdate().toInstant() : null;
    CertificateStatus status = single.getCertStatus();
    if (status == CertificateStatus.GOOD) {
      return RevocationAnswer.good(source, host, thisUpdate, nextUpdate);
    }
    if (status instanceof RevokedStatus revoked) {
      String reason =
          revoked.hasRevocationReason() ? Reasons.name(revoked.getRevocationReason()) : null;
      return RevocationAnswer.revoked(
          source, host, thisUpdate, nextUpdate, revoked.getRevocationTime().toInstant(), reason);
    }
    if (status instanceof UnknownStatus) {
      return RevocationAnswer.unknown(source, host, thisUpdate, nextUpdate);
    }
    return RevocationAnswer.failed(source, host, Why.MALFORMED, "unknown certificate status");
  }

  private static SingleResp find(
      BasicOCSPResp basic, X509CertificateHolder cert, X509CertificateHolder issuer) {
    for (SingleResp single : basic.getResponses()) {
      try {
        CertificateID id = single.getCertID();
        if (id.getSerialNumber().equals(cert.getSerialNumber())
            && id.matchesIssuer(issuer, DIGESTS)) {
          return single;
        }
      } catch (OCSPException | RuntimeException e) {
        // an unsupported hash algorithm: not a match
      }
    }
    return null;
  }

  private static boolean nonceMatches(BasicOCSPResp basic, byte[] nonce) {
    Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (echoed == null) {
      return true;
    }
    try {
      return Arrays.equals(
          echoed.getExtnValue().getOctets(), new DEROctetString(nonce).getEncoded());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The issuer itself, or a certificate in the response that the issuer signed, that is valid now
   * and carries id-kp-OCSPSigning (RFC 6960 4.2.2.2). A responder trusted some other way (a locally
   * configured one) is not supported.
   */
  private static boolean signedByIssuerOrDelegate(
      BasicOCSPResp basic, X509CertificateHolder issuer, Instant now) {
    ContentVerifierProvider issuerKey = verifier(issuer);
    if (issuerKey == null) {
      return false;
    }
    if (valid(basic, issuerKey)) {
      return true;
    }
    for (X509CertificateHolder delegate : basic.getCerts()) {
      try {
        if (delegate.getIssuer().equals(issuer.getSubject())
            && delegate.isSignatureValid(issuerKey)
            && ocspSigning(delegate)
            && delegate.isValidOn(Date.from(now))) {
          ContentVerifierProvider delegateKey = verifier(delegate);
          if (delegateKey != null && valid(basic, delegateKey)) {
            return true;
          }
        }
      } catch (Exception e) {
        // a delegate that cannot be checked does not authorise anything
      }
    }
    return false;
  }

  private static boolean ocspSigning(X509CertificateHolder cert) {
    ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(cert.getExtensions());
    return eku != null && eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
  }

  private static ContentVerifierProvider verifier(X509CertificateHolder cert) {
    try {
      return new JcaContentVerifierProviderBuilder().setProvider(BC).build(cert);
    } catch (OperatorCreationException | java.security.cert.CertificateException e) {
      return null;
    }
  }

  private static boolean valid(BasicOCSPResp basic, ContentVerifierProvider key) {
    try {
      return basic.isSignatureValid(key);
    } catch (OCSPException | RuntimeException e) {
      return false;
    }
  }
}
