package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the number and time forms chain nodes use. Every reader throws {@link Malformed} on a value
 * of the wrong shape, so a prober can turn it into one typed error for that call.
 */
final class Quantities {

  /** A value that does not have the documented shape. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Latest plausible block time: year 2200. Later stamps are garbage, not "in the future". */
  private static final long MAX_EPOCH_SECOND = 7_258_118_400L;

  private Quantities() {}

  /** An Ethereum QUANTITY: {@code "0x"} and hex digits, no leading zeros required. */
  static BigInteger hex(JsonNode node, String what) throws Malformed {
    if (node == null || !node.isTextual()) {
      throw new Malformed(what + " is not a hex string");
    }
    String s = node.asText();
    if (!s.startsWith("0x") || s.length() < 3 || s.length() > 66) {
      throw new Malformed(what + " is not a 0x quantity");
    }
    try {
      return new BigInteger(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new Malformed(what + " is not a 0x quantity");
    }
  }

  static long hexLong(JsonNode node, String what) throws Malformed {
    BigInteger value = hex(node, what);
    if (value.bitLength() > 63) {
      throw new Malformed(what + " is out of range");
    }
    return value.longValue();
  }

  /** A JSON number, or a decimal string (CometBFT encodes int64 as strings). */
  static long decimal(JsonNode node, String what) throws Malformed {
    if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node != null && node.isTextual()) {
      try {
        return Long.parseLong(node.asText());
      } catch (NumberFormatException e) {
        throw new Malformed(what + " is not a decimal number");
      }
    }
    throw new Malformed(what + " is not a number");
  }

  static Instant epochSeconds(long seconds, String what) throws Malformed {
    if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
      throw new Malformed(what + " is not a plausible Unix time");
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** RFC 3339 with up to nanosecond fractions, as CometBFT writes it. */
  static Instant rfc3339(JsonNode node, String what) throws Malformed {
    if (node == null || !node.isTextual()) {
      throw new Malformed(what + " is not a time string");
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(node.asText(), Instant::from);
    } catch (DateTimeParseException e) {
      throw new Malformed(what + " is not an RFC 3339 time");
    }
  }

  static String text(JsonNode node, String what) throws Malformed {
    if (node == null || !node.isTextual()) {
      throw new Malformed(what + " is not a string");
    }
    return node.asText();
  }
}
