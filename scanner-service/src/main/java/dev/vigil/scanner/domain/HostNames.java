package dev.vigil.scanner.domain;

import java.util.regex.Pattern;

/** Syntax of host names and IP literals, without touching DNS. */
public final class HostNames {

  private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  private HostNames() {}

  /** An RFC 1123 host name (letters, digits, hyphens; labels up to 63; total up to 253). */
  public static boolean isHostName(String value) {
    if (value == null || value.isEmpty() || value.length() > 253) {
      return false;
    }
    String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    if (name.isEmpty()) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    // An all-numeric dotted name is a malformed IPv4 address, not a host name.
    return !name.matches("[0-9.]+");
  }

  public static boolean isIpv4(String value) {
    return value != null && IPV4.matcher(value).matches();
  }

  /** An IPv6 literal, with or without brackets; embedded IPv4 and :: compression allowed. */
  public static boolean isIpv6(String value) {
    if (value == null) {
      return false;
    }
    String v =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    if (!v.contains(":") || !IPV6_CHARS.matcher(v).matches() || v.contains(":::")) {
      return false;
    }
    return Cidr.parseAddress(v) != null;
  }

  public static boolean isIpLiteral(String value) {
    return isIpv4(value) || isIpv6(value);
  }

  public static boolean isValidHost(String value) {
    return isHostName(value) || isIpLiteral(value);
  }
}
