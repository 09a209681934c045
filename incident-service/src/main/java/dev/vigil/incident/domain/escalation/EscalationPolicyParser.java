package dev.vigil.incident.domain.escalation;

import dev.vigil.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a policy from its configuration strings. Steps are written {@code "<delay>
 * <receiver>[,<receiver>...]"} separated by {@code ;}, e.g. {@code "15m team-primary; 15m
 * team-secondary,ops-lead"}, so a whole chain fits in one property or environment variable; {@code
 * none} (or blank) is a policy without steps. Every error names the property and the step at fault.
 */
public final class EscalationPolicyParser {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern RECEIVER = Pattern.compile("[^\\s,;]+");

  private EscalationPolicyParser() {}

  /**
   * @param components comma-separated component ids, or {@code null}
   * @param severity INFO, WARNING or CRITICAL (any case), or {@code null}
   */
  public static EscalationPolicy parse(
      String name, String components, String severity, String steps) {
    String prefix = "vigil.escalation.policies." + name;
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(prefix + ": policy names are [A-Za-z0-9][A-Za-z0-9_.-]*");
    }
    return new EscalationPolicy(
        name,
        components(prefix + ".components", components),
        severity(prefix + ".severity", severity),
        steps(prefix + ".steps", steps));
  }

  static List<EscalationStep> steps(String property, String text) {
    List<EscalationStep> steps = new ArrayList<>();
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
      return steps;
    }
    String[] parts = text.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      String where = property + "[" + i + "]";
      String part = parts[i].trim();
      if (part.isEmpty()) {
        throw new IllegalArgumentException(where + ": empty step");
      }
      String[] words = part.split("\\s+", 2);
      if (words.length < 2) {
        throw new IllegalArgumentException(
            where + ": expected '<delay> <receiver>[,<receiver>...]', got '" + part + "'");
      }
      Duration delay = duration(where, words[0]);
      List<String> receivers = new ArrayList<>();
      for (String r : words[1].split(",", -1)) {
        String receiver = r.trim();
        if (!RECEIVER.matcher(receiver).matches()) {
          throw new IllegalArgumentException(
              where + ": receiver names are non-empty and contain no spaces, got '" + r + "'");
        }
        receivers.add(receiver);
      }
      steps.add(new EscalationStep(delay, receivers));
    }
    return steps;
  }

  /** {@code 30s}, {@code 15m}, {@code 1h30m}, {@code 250ms}, {@code 0s}. */
  static Duration duration(String where, String text) {
    Matcher m = DURATION.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException(
          where + ": bad delay '" + text + "' (use e.g. 30s, 15m, 1h30m)");
    }
    return total;
  }

  private static Set<String> components(String property, String text) {
    Set<String> ids = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return ids;
    }
    for (String id : text.split(",", -1)) {
      if (id.isBlank()) {
        throw new IllegalArgumentException(property + ": empty component id in '" + text + "'");
      }
      ids.add(id.trim());
    }
    return ids;
  }

  private static Severity severity(String property, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          property
              + ": '"
              + text
              + "' is not one of "
              + Arrays.toString(Severity.values()).toLowerCase(Locale.ROOT));
    }
  }
}
