package dev.vigil.scanner.tls.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link CertificateStoreReader} on the JDK alone: PEM is text, and {@link KeyStore} reads PKCS#12
 * and JKS. The certificates are decoded afterwards by {@code CertificateDecoder}, like served ones.
 */
@ApplicationScoped
public class JdkCertificateStoreReader implements CertificateStoreReader {

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([\\s\\S]*?)-----END \\1-----");
  private static final byte DER_SEQUENCE = 0x30;

  @Override
  public List<StoredEntry> read(StoreFormat format, byte[] content, char[] password)
      throws UnreadableStoreException {
    if (content.length == 0) {
      throw new UnreadableStoreException("the file is empty");
    }
    return format.isKeystore() ? keystore(format, content, password) : certificates(content);
  }

  private static List<StoredEntry> certificates(byte[] content) throws UnreadableStoreException {
    // ISO-8859-1 maps every byte to one char, so binary content cannot break the search.
    String text = new String(content, StandardCharsets.ISO_8859_1);
    if (!text.contains("-----BEGIN ")) {
      if (content[0] != DER_SEQUENCE) {
        throw new UnreadableStoreException("the file is neither PEM nor a DER certificate");
      }
      return List.of(new StoredEntry(null, List.of(content)));
    }
    List<byte[]> ders = new ArrayList<>();
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      String label = block.group(1);
      if (!label.equals("CERTIFICATE") && !label.equals("X509 CERTIFICATE")) {
        continue; // keys, CSRs, parameters: not ours to read
      }
      try {
        ders.add(Base64.getMimeDecoder().decode(block.group(2).trim()));
      } catch (IllegalArgumentException e) {
        throw new UnreadableStoreException(
            "PEM certificate " + (ders.size() + 1) + " is not valid base64");
      }
    }
    return ders.isEmpty() ? List.of() : List.of(new StoredEntry(null, ders));
  }

  private static List<StoredEntry> keystore(StoreFormat format, byte[] content, char[] password)
      throws UnreadableStoreException {
    String type = format == StoreFormat.PKCS12 ? "PKCS12" : "JKS";
    KeyStore store;
    try {
      store = KeyStore.getInstance(type);
      store.load(new ByteArrayInputStream(content), password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new UnreadableStoreException("the keystore password is incorrect");
      }
      throw new UnreadableStoreException("not a readable " + type + " keystore: " + e.getMessage());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new UnreadableStoreException("not a readable " + type + " keystore: " + e);
    }
    List<StoredEntry> entries = new ArrayList<>();
    try {
      List<String> aliases = Collections.list(store.aliases());
      Collections.sort(aliases);
      for (String alias : aliases) {
        List<byte[]> ders = new ArrayList<>();
        Certificate[] chain = store.getCertificateChain(alias);
        if (chain == null && store.getCertificate(alias) != null) {
          chain = new Certificate[] {store.getCertificate(alias)};
        }
        for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
          ders.add(certificate.getEncoded());
        }
        if (!ders.isEmpty()) {
          entries.add(new StoredEntry(alias, ders));
        }
      }
    } catch (KeyStoreException | java.security.cert.CertificateEncodingException e) {
      throw new UnreadableStoreException("unreadable keystore entry: " + e.getMessage());
    }
    if (entries.isEmpty() && password == null) {
      throw new UnreadableStoreException(
          "the keystore holds no certificate readable without a password");
    }
    return entries;
  }
}
