package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.CertificateFacts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * {@link CertificateDecoder} on BouncyCastle's ASN.1 and X.509 classes. Reading never depends on
 * validity: an expired, untrusted or weak certificate yields all its facts.
 */
public class BouncyCastleCertificateDecoder implements CertificateDecoder {

  private static final HexFormat HEX = HexFormat.of();
  private final DefaultAlgorithmNameFinder algorithmNames = new DefaultAlgorithmNameFinder();
  private final SignatureChecks signatures;
  private final ParsedCertificates parsed;

  public BouncyCastleCertificateDecoder(SignatureChecks signatures, ParsedCertificates parsed) {
    this.signatures = signatures;
    this.parsed = parsed;
  }

  public BouncyCastleCertificateDecoder() {
    this(new SignatureChecks(), new ParsedCertificates());
  }

  @Override
  public CertificateFacts decode(byte[] der) {
    return facts(parse(der));
  }

  ParsedCertificate parse(byte[] der) {
    return parsed.parse(der);
  }

  CertificateFacts facts(ParsedCertificate cert) {
    CertificateFacts known = cert.facts;
    if (known == null) {
      known = read(cert);
      cert.facts = known;
    }
    return known;
  }

  private CertificateFacts read(ParsedCertificate cert) {
    X509CertificateHolder holder = cert.holder();
    try {
      PublicKey key = cert.publicKey();
      return new CertificateFacts(
          cert.subject(),
          cert.issuer(),
          holder.getSerialNumber().toString(16),
          cert.notBefore(),
          cert.notAfter(),
          cert.sha256Fingerprint,
          cert.spkiSha256,
          keyAlgorithm(key),
          keyBits(key),
          algorithmNames.getAlgorithmName(holder.getSignatureAlgorithm()),
          subjectAltNames(holder),
          cert.selfIssued() && signatures.signedBy(cert, cert),
          isCa(holder),
          commonName(holder),
          cert.caIssuersUrls());
    } catch (CertificateDecodingException e) {
      throw e;
    } catch (Exception e) {
      throw new CertificateDecodingException("unreadable certificate: " + e.getMessage(), e);
    }
  }

  private static boolean isCa(X509CertificateHolder holder) {
    Extension ext = holder.getExtension(Extension.basicConstraints);
    return ext != null && BasicConstraints.getInstance(ext.getParsedValue()).isCA();
  }

  /** The most specific (last) CN of the subject, as clients that still read CNs take it. */
  private static String commonName(X509CertificateHolder holder) {
    RDN[] cns = holder.getSubject().getRDNs(BCStyle.CN);
    if (cns.length == 0) {
      return null;
    }
    return IETFUtils.valueToString(cns[cns.length - 1].getFirst().getValue());
  }

  private static List<String> subjectAltNames(X509CertificateHolder holder) {
    Extension ext = holder.getExtension(Extension.subjectAlternativeName);
    List<String> names = new ArrayList<>();
    if (ext == null) {
      return names;
    }
    for (GeneralName name : GeneralNames.getInstance(ext.getParsedValue()).getNames()) {
      switch (name.getTagNo()) {
        case GeneralName.dNSName -> names.add("DNS:" + name.getName());
        case GeneralName.iPAddress -> names.add("IP:" + ipText(name));
        default -> {
          // e-mail, URI and directory names do not identify a TLS server
        }
      }
    }
    return names;
  }

  private static String ipText(GeneralName name) {
    byte[] raw = ASN1OctetString.getInstance(name.getName()).getOctets();
    try {
      return InetAddress.getByAddress(raw).getHostAddress();
    } catch (UnknownHostException e) {
      return HEX.formatHex(raw);
    }
  }

  private static String keyAlgorithm(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return "RSA";
    }
    if (key instanceof ECPublicKey) {
      return "EC";
    }
    if (key instanceof DSAPublicKey) {
      return "DSA";
    }
    return key.getAlgorithm();
  }

  private static Integer keyBits(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getOrder().bitLength();
    }
    if (key instanceof DSAPublicKey dsa) {
      return dsa.getParams().getP().bitLength();
    }
    return null;
  }
}
