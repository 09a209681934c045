package dev.vigil.scanner.tls.revocation;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/** Where a certificate says its revocation status can be asked. */
final class RevocationUrls {

  private RevocationUrls() {}

  /** The AIA id-ad-ocsp URLs, in the certificate's order. A malformed extension gives none. */
  static List<String> ocsp(X509CertificateHolder cert) {
    List<String> urls = new ArrayList<>();
    Extension ext = cert.getExtension(Extension.authorityInfoAccess);
    if (ext == null) {
      return urls;
    }
    try {
      for (AccessDescription d :
          AuthorityInformationAccess.getInstance(ext.getParsedValue()).getAccessDescriptions()) {
        if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())) {
          uri(d.getAccessLocation(), urls);
        }
      }
    } catch (RuntimeException e) {
      // no URL to ask
    }
    return urls;
  }

  /**
   * The full-name URIs of the CRL distribution points (any scheme: an LDAP one is reported as
   * uncheckable, not silently dropped). Relative names and CRL issuers other than the certificate's
   * issuer are not followed.
   */
  static List<String> crl(X509CertificateHolder cert) {
    List<String> urls = new ArrayList<>();
    Extension ext = cert.getExtension(Extension.cRLDistributionPoints);
    if (ext == null) {
      return urls;
    }
    try {
      for (DistributionPoint point :
          CRLDistPoint.getInstance(ext.getParsedValue()).getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        if (point.getCRLIssuer() == null
            && name != null
            && name.getType() == DistributionPointName.FULL_NAME) {
          for (GeneralName n : GeneralNames.getInstance(name.getName()).getNames()) {
            uri(n, urls);
          }
        }
      }
    } catch (RuntimeException e) {
      // no URL to ask
    }
    return urls;
  }

  private static void uri(GeneralName name, List<String> out) {
    if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
      out.add(ASN1IA5String.getInstance(name.getName()).getString());
    }
  }
}
