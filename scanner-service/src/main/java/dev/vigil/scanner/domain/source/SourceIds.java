package dev.vigil.scanner.domain.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable target ids for certificates that are configuration rather than registered targets: the
 * same file or Kubernetes object gets the same id after every restart, so its alerts resolve.
 *
 * <p>The first chain of a file or object has the id of the file or object itself; further chains (a
 * CA bundle of several roots, keystore aliases) append {@code #entry} before hashing. A renewal in
 * place keeps the id, which is what lets an alert on the old certificate resolve.
 */
public final class SourceIds {

  private static final HexFormat HEX = HexFormat.of();

  private SourceIds() {}

  /**
   * @param absolutePath the normalised absolute path
   * @param entry keystore alias or chain label; {@code null} for the first chain of a PEM/DER file
   */
  public static String file(String absolutePath, String entry) {
    return "file:" + hash(entry == null ? absolutePath : absolutePath + "#" + entry);
  }

  /**
   * @param kind {@code Secret} or {@code ConfigMap}
   * @param chainIndex 0 for the first chain in the object
   */
  public static String kubernetes(String kind, String namespace, String name, int chainIndex) {
    String key = kind + "/" + namespace + "/" + name;
    return "k8s:" + hash(chainIndex == 0 ? key : key + "#" + chainIndex);
  }

  private static String hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
