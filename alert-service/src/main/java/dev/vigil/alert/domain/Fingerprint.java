package dev.vigil.alert.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of an alert: a hash of its labels, independent of their order. Severity and
 * annotations are deliberately not labels, so an alert that escalates from warning to critical, or
 * whose summary counts down a day, stays the same alert.
 */
public final class Fingerprint {

  /** 16 bytes (32 hex characters): collisions stay negligible at any plausible alert count. */
  private static final int BYTES = 16;

  private Fingerprint() {}

  /**
   * Hashes {@code labels} sorted by key. Every key and value is length-prefixed, so no choice of
   * label text can make two different label sets encode to the same bytes (as {@code a="b,c"}
   * versus {@code a="b", c=""} would with a naive join).
   */
  public static String of(Map<String, String> labels) {
    MessageDigest sha256 = sha256();
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      update(sha256, label.getKey());
      update(sha256, label.getValue());
    }
    byte[] digest = sha256.digest();
    return HexFormat.of().formatHex(digest, 0, BYTES);
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE ships SHA-256", e);
    }
  }
}
