package dev.vigil.scanner.domain;

import java.math.BigInteger;

/** An IPv4 or IPv6 network in CIDR notation, matched without DNS or {@code InetAddress}. */
public record Cidr(byte[] network, int prefixLength, String text) {

  public static Cidr parse(String text) {
    String[] parts = text.trim().split("/", 2);
    byte[] address = parseAddress(parts[0]);
    if (address == null) {
      throw new IllegalArgumentException("not an IP address: " + parts[0]);
    }
    int bits = address.length * 8;
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix out of range in " + text);
    }
    return new Cidr(address, prefix, text.trim());
  }

  /** Whether {@code address} (4 or 16 bytes) lies in this network. */
  public boolean contains(byte[] address) {
    byte[] candidate = address;
    if (candidate.length == 16 && network.length == 4 && isIpv4Mapped(candidate)) {
      candidate = java.util.Arrays.copyOfRange(candidate, 12, 16);
    }
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  private static boolean isIpv4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
  }

  /** Parses an IPv4 or IPv6 literal to its bytes, or {@code null} when it is not one. */
  public static byte[] parseAddress(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String t =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    return t.contains(":") ? parseIpv6(t) : parseIpv4(t);
  }

  private static byte[] parseIpv4(String t) {
    if (!HostNames.isIpv4(t)) {
      return null;
    }
    String[] octets = t.split("\\.");
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      out[i] = (byte) Integer.parseInt(octets[i]);
    }
    return out;
  }

  private static byte[] parseIpv6(String t) {
    int zone = t.indexOf('%');
    String s = zone >= 0 ? t.substring(0, zone) : t;
    String[] halves = s.split("::", -1);
    if (halves.length > 2) {
      return null;
    }
    java.util.List<Integer> head = groups(halves[0]);
    java.util.List<Integer> tail = halves.length == 2 ? groups(halves[1]) : java.util.List.of();
    if (head == null || tail == null) {
      return null;
    }
    int total = head.size() + tail.size();
    if ((halves.length == 1 && total != 8) || (halves.length == 2 && total > 7)) {
      return null;
    }
    byte[] out = new byte[16];
    int i = 0;
    for (int g : head) {
      out[i++] = (byte) (g >> 8);
      out[i++] = (byte) g;
    }
    i = 16 - tail.size() * 2;
    for (int g : tail) {
      out[i++] = (byte) (g >> 8);
      out[i++] = (byte) g;
    }
    return out;
  }

  /** Hex groups of one side of "::"; a trailing dotted IPv4 counts as two groups. */
  private static java.util.List<Integer> groups(String side) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    if (side.isEmpty()) {
      return out;
    }
    String[] parts = side.split(":", -1);
    for (int k = 0; k < parts.length; k++) {
      String p = parts[k];
      if (k == parts.length - 1 && p.contains(".")) {
        byte[] v4 = parseIpv4(p);
        if (v4 == null) {
          return null;
        }
        out.add(((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF));
        out.add(((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF));
      } else if (p.matches("[0-9a-fA-F]{1,4}")) {
        out.add(new BigInteger(p, 16).intValue());
      } else {
        return null;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
