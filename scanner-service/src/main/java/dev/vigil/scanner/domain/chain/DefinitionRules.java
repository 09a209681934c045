package dev.vigil.scanner.domain.chain;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.HostNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field rules shared by chains, providers and APIs. Messages never echo a URL or a header value:
 * either may hold a key.
 */
final class DefinitionRules {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
  private static final int MAX_LABELS = 32;
  private static final int MAX_LABEL_VALUE = 256;
  private static final int MAX_HEADERS = 32;
  private static final int MAX_HEADER_VALUE = 8_192;
  static final int MAX_URL = 2_000;

  private DefinitionRules() {}

  static void id(String id, String field, List<FieldViolation> out) {
    if (id == null || !ID.matcher(id).matches()) {
      out.add(
          new FieldViolation(
              field, "1 to 100 characters of a-z, 0-9, '.', '_' and '-', starting alphanumeric"));
    }
  }

  static void name(String name, String field, List<FieldViolation> out) {
    if (name == null || name.isBlank()) {
      out.add(new FieldViolation(field, "must not be blank"));
    } else if (name.length() > 200) {
      out.add(new FieldViolation(field, "at most 200 characters"));
    }
  }

  static void labels(Map<String, String> labels, List<FieldViolation> out) {
    if (labels.size() > MAX_LABELS) {
      out.add(new FieldViolation("labels", "at most " + MAX_LABELS + " labels"));
    }
    labels.forEach(
        (key, value) -> {
          if (!LABEL_KEY.matcher(key).matches()) {
            out.add(
                new FieldViolation("labels." + key, "label names match [a-zA-Z_][a-zA-Z0-9_]*"));
          } else if (value == null || value.length() > MAX_LABEL_VALUE) {
            out.add(
                new FieldViolation(
                    "labels." + key, "label values are 0 to " + MAX_LABEL_VALUE + " characters"));
          }
        });
  }

  /** Header names are checked; values only for presence and size, never shown. */
  static void headers(Map<String, String> headers, List<FieldViolation> out) {
    if (headers.size() > MAX_HEADERS) {
      out.add(new FieldViolation("headers", "at most " + MAX_HEADERS + " headers"));
    }
    headers.forEach(
        (name, value) -> {
          if (!HEADER_NAME.matcher(name).matches()) {
            out.add(new FieldViolation("headers", "a header name is not an HTTP token"));
          } else if (value == null || value.length() > MAX_HEADER_VALUE || hasLineBreak(value)) {
            out.add(
                new FieldViolation(
                    "headers." + name,
                    "values are 0 to " + MAX_HEADER_VALUE + " characters without line breaks"));
          }
        });
  }

  /** An http(s) URL whose host the scanner may reach; the message never repeats the URL. */
  static void url(String url, AddressPolicy policy, List<FieldViolation> out) {
    if (url == null || url.isBlank()) {
      out.add(new FieldViolation("url", "must not be blank"));
      return;
    }
    if (url.length() > MAX_URL) {
      out.add(new FieldViolation("url", "at most " + MAX_URL + " characters"));
      return;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      out.add(new FieldViolation("url", "is not a valid URL"));
      return;
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      out.add(new FieldViolation("url", "must be an http or https URL"));
      return;
    }
    String host = hostOf(uri);
    if (host == null || !HostNames.isValidHost(host)) {
      out.add(new FieldViolation("url", "has no valid host"));
      return;
    }
    policy.checkHost(host).ifPresent(reason -> out.add(new FieldViolation("url", reason)));
  }

  static void duration(
      Duration value,
      Duration min,
      Duration max,
      String field,
      String unit,
      List<FieldViolation> out) {
    if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
      out.add(
          new FieldViolation(field, "must be between " + in(min, unit) + " and " + in(max, unit)));
    }
  }

  static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host != null && host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host;
  }

  private static long in(Duration d, String unit) {
    return unit.equals("ms") ? d.toMillis() : d.toSeconds();
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
  }
}
