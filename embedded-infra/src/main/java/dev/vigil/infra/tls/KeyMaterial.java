package dev.vigil.infra.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and the certificate chain served with it, leaf first. */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {

  public KeyMaterial {
    chain = List.copyOf(chain);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }
}
