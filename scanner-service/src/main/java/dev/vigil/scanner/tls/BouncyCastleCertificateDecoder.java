package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.CertificateFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** {@link CertificateDecoder} on BouncyCastle's ASN.1 and X.509 classes. */
@ApplicationScoped
public class BouncyCastleCertificateDecoder implements CertificateDecoder {

  private static final HexFormat HEX = HexFormat.of();
  private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  private final DefaultAlgorithmNameFinder algorithmNames = new DefaultAlgorithmNameFinder();

  @Override
  public CertificateFacts decode(byte[] der) {
    X509CertificateHolder holder;
    try {
      holder = new X509CertificateHolder(der);
    } catch (IOException | RuntimeException e) {
      throw new CertificateDecodingException("not a DER X.509 certificate: " + e.getMessage(), e);
    }
    try {
      PublicKey key =
          new JcaX509CertificateConverter()
              .setProvider(PROVIDER)
              .getCertificate(holder)
              .getPublicKey();
      String subject = BCStyle.INSTANCE.toString(holder.getSubject());
      String issuer = BCStyle.INSTANCE.toString(holder.getIssuer());
      return new CertificateFacts(
          subject,
          issuer,
          holder.getSerialNumber().toString(16),
          holder.getNotBefore().toInstant(),
          holder.getNotAfter().toInstant(),
          sha256(der),
          sha256(holder.getSubjectPublicKeyInfo().getEncoded()),
          key.getAlgorithm(),
          keyBits(key),
          algorithmNames.getAlgorithmName(holder.getSignatureAlgorithm()),
          subjectAltNames(holder),
          holder.getSubject().equals(holder.getIssuer()) && verifiesWithOwnKey(holder),
          isCa(holder));
    } catch (Exception e) {
      throw new CertificateDecodingException("unreadable certificate: " + e.getMessage(), e);
    }
  }

  private static boolean verifiesWithOwnKey(X509CertificateHolder holder) {
    try {
      return holder.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(PROVIDER).build(holder));
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isCa(X509CertificateHolder holder) {
    Extension ext = holder.getExtension(Extension.basicConstraints);
    return ext != null && BasicConstraints.getInstance(ext.getParsedValue()).isCA();
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
      return java.net.InetAddress.getByAddress(raw).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return HEX.formatHex(raw);
    }
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

  private static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
