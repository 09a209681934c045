package dev.vigil.alert.domain.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Text forms and hashes of label sets and matcher lists, as Alertmanager prints them. */
public final class LabelSets {

  private LabelSets() {}

  /** Go's {@code %q}-like quoting, enough for label values. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** {@code {a="1", b="2"}} with names sorted, like Prometheus' {@code LabelSet.String()}. */
  public static String format(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + quote(e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
  }

  /** {@code {a="1",b=~"x"}}: a matcher list as Alertmanager prints it in route keys. */
  public static String format(List<LabelMatcher> matchers) {
    return matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}"));
  }

  public static boolean matchesAll(List<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Hex SHA-256 of the text; used for stable ids of groups and alert sets. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
    }
  }

  /** Order-independent hash of a set of fingerprints (empty set: hash of the empty string). */
  public static String hashOfSet(Collection<String> fingerprints) {
    return sha256(fingerprints.stream().sorted().distinct().collect(Collectors.joining(",")));
  }
}
