package dev.vigil.scanner.domain.inventory;

import dev.vigil.events.ScanTarget;
import dev.vigil.scanner.domain.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated filter over the certificate inventory. Every parameter is optional; given ones are
 * combined with AND (several {@code label}s too).
 *
 * @param expiringWithinDays certificates whose notAfter is at most this many days away, already
 *     expired ones included
 * @param finding a finding code the certificate currently has
 * @param issuer a case-insensitive part of the issuer DN
 * @param labels labels of a place the certificate was seen at
 * @param source a {@code ScanTarget} kind the certificate was seen at
 * @param inUse whether the latest scan of at least one of its places still saw it
 * @param page zero-based page
 * @param size page size
 */
public record CertificateQuery(
    Integer expiringWithinDays,
    String finding,
    String issuer,
    List<LabelMatch> labels,
    String source,
    Boolean inUse,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;
  public static final Set<String> SOURCES =
      Set.of(
          ScanTarget.TLS_ENDPOINT,
          ScanTarget.FILE,
          ScanTarget.KUBERNETES_SECRET,
          ScanTarget.KUBERNETES_CONFIGMAP);

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  // Kubernetes label keys (prefix/name) as well as Vigil's own label names.
  private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,316}");
  private static final int MAX_DAYS = 36_500;
  private static final int MAX_PAGE = 1_000_000;

  public CertificateQuery {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** One {@code label=key:value} filter. */
  public record LabelMatch(String key, String value) {}

  /** The request broke at least one rule; every violation names its query parameter. */
  public static final class InvalidQueryException extends IllegalArgumentException {
    private final transient List<FieldViolation> violations;

    InvalidQueryException(List<FieldViolation> violations) {
      super(violations.get(0).field() + ": " + violations.get(0).message());
      this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
      return violations;
    }
  }

  /** Parses raw query parameters ({@code null} = absent). */
  public static CertificateQuery parse(
      String expiringWithinDays,
      String finding,
      String issuer,
      List<String> labels,
      String source,
      String inUse,
      String page,
      String size) {
    List<FieldViolation> out = new ArrayList<>();
    Integer days = integer("expiringWithinDays", expiringWithinDays, 0, MAX_DAYS, null, out);
    if (finding != null && !CODE.matcher(finding).matches()) {
      out.add(new FieldViolation("finding", "must be a finding code such as EXPIRING_SOON"));
    }
    if (issuer != null && (issuer.isBlank() || issuer.length() > 500)) {
      out.add(new FieldViolation("issuer", "must be 1 to 500 characters"));
    }
    List<LabelMatch> matches = new ArrayList<>();
    for (String label : labels == null ? List.<String>of() : labels) {
      int colon = label == null ? -1 : label.indexOf(':');
      if (colon < 0 || !LABEL_KEY.matcher(label.substring(0, colon)).matches()) {
        out.add(new FieldViolation("label", "must be key:value, e.g. team:payments"));
      } else if (label.length() - colon - 1 > 256) {
        out.add(new FieldViolation("label", "label values are at most 256 characters"));
      } else {
        matches.add(new LabelMatch(label.substring(0, colon), label.substring(colon + 1)));
      }
    }
    if (source != null && !SOURCES.contains(source)) {
      out.add(new FieldViolation("source", "must be one of " + String.join(", ", sorted())));
    }
    if (inUse != null && !inUse.equals("true") && !inUse.equals("false")) {
      out.add(new FieldViolation("inUse", "must be true or false"));
    }
    Integer pageNumber = integer("page", page, 0, MAX_PAGE, 0, out);
    Integer pageSize = integer("size", size, 1, MAX_SIZE, DEFAULT_SIZE, out);
    if (!out.isEmpty()) {
      throw new InvalidQueryException(out);
    }
    return new CertificateQuery(
        days,
        finding,
        issuer,
        matches,
        source,
        inUse == null ? null : Boolean.valueOf(inUse),
        pageNumber,
        pageSize);
  }

  private static Integer integer(
      String field, String raw, int min, int max, Integer absent, List<FieldViolation> out) {
    if (raw == null) {
      return absent;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    out.add(new FieldViolation(field, "must be an integer from " + min + " to " + max));
    return absent;
  }

  private static List<String> sorted() {
    return SOURCES.stream().sorted().toList();
  }
}
