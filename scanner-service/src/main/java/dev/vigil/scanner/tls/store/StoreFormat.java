package dev.vigil.scanner.tls.store;

import java.util.Locale;
import java.util.Optional;

/** The certificate file formats the scanner reads, told apart by file extension. */
public enum StoreFormat {
  /** {@code .pem .crt .cer .der}: PEM text or a single DER certificate (the content decides). */
  CERTIFICATES,
  /** {@code .p12 .pfx}. */
  PKCS12,
  /** {@code .jks}. */
  JKS;

  /** The format of a file name, or empty when the scanner does not read such files. */
  public static Optional<StoreFormat> ofFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".pem")
        || name.endsWith(".crt")
        || name.endsWith(".cer")
        || name.endsWith(".der")) {
      return Optional.of(CERTIFICATES);
    }
    if (name.endsWith(".p12") || name.endsWith(".pfx")) {
      return Optional.of(PKCS12);
    }
    if (name.endsWith(".jks")) {
      return Optional.of(JKS);
    }
    return Optional.empty();
  }

  public boolean isKeystore() {
    return this != CERTIFICATES;
  }
}
