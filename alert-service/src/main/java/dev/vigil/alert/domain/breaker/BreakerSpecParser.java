package dev.vigil.alert.domain.breaker;

import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.alert.domain.rule.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads breaker definitions from a parsed YAML/JSON tree. Strict like the rule and notification
 * files: unknown keys are errors (a misspelt {@code min_open} must not silently mean "no minimum"),
 * and every error names its field.
 */
public final class BreakerSpecParser {

  /** Defaults chosen so that a flapping alert cannot toggle deposits more than once a minute. */
  public static final Duration DEFAULT_MIN_OPEN = Duration.ofMinutes(5);

  public static final Duration DEFAULT_HEALTHY_PERIOD = Duration.ofMinutes(10);

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "description",
          "scope",
          "matchers",
          "min_open",
          "half_open",
          "healthy_period",
          "actions",
          "enabled");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private BreakerSpecParser() {}

  /** A file: {@code breakers:} with a list of definitions; names must be unique. */
  public static List<BreakerSpec> parseFile(Map<String, Object> doc) {
    Parsed parsed = parseAll(doc);
    if (!parsed.problems().isEmpty()) {
      throw parsed.problems().get(0);
    }
    return parsed.specs();
  }

  /**
   * The definitions of a file and every problem found: one per definition at most (its first), plus
   * those outside definitions, so one pass over a file reports everything to fix.
   *
   * @param names the name of each definition in {@code doc} (by index), when it has a valid one
   */
  public record Parsed(
      List<BreakerSpec> specs, List<BreakerSpecException> problems, Map<String, String> names) {}

  /** Like {@link #parseFile} but collecting the problems instead of stopping at the first. */
  public static Parsed parseAll(Map<String, Object> doc) {
    List<BreakerSpec> specs = new ArrayList<>();
    List<BreakerSpecException> problems = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    if (doc == null) {
      return new Parsed(specs, problems, names);
    }
    for (String key : doc.keySet()) {
      if (!key.equals("breakers")) {
        problems.add(new BreakerSpecException(key, "unknown field; expected 'breakers'"));
      }
    }
    Object list = doc.get("breakers");
    if (list == null) {
      return new Parsed(specs, problems, names);
    }
    if (!(list instanceof List<?> items)) {
      problems.add(new BreakerSpecException("breakers", "expected a list"));
      return new Parsed(specs, problems, names);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "breakers[" + i + "]";
      Object item = items.get(i);
      if (item instanceof Map<?, ?> m && m.get("name") instanceof String n) {
        names.put(path, n);
      }
      try {
        BreakerSpec spec = parse(asMap(item, path), path + ".");
        if (!seen.add(spec.name())) {
          throw new BreakerSpecException(path + ".name", "duplicate breaker " + spec.name());
        }
        specs.add(spec);
      } catch (BreakerSpecException e) {
        problems.add(e);
      }
    }
    return new Parsed(specs, problems, names);
  }

  /**
   * One definition.
   *
   * @param prefix put before field names in errors, e.g. {@code breakers[2].} or {@code ""}
   */
  public static BreakerSpec parse(Map<String, Object> node, String prefix) {
    for (String key : node.keySet()) {
      if (!KEYS.contains(key)) {
        throw new BreakerSpecException(prefix + key, "unknown field");
      }
    }
    String name = string(node, "name", prefix);
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BreakerSpecException(
          prefix + "name", "required: letters, digits, _ . - (at most 100)");
    }
    boolean enabled = bool(node, "enabled", true, prefix);
    if (!enabled) {
      return new BreakerSpec(
          name,
          null,
          ScopeTemplate.parse("disabled"),
          List.of(),
          Duration.ZERO,
          false,
          Duration.ZERO,
          List.of(),
          false);
    }
    ScopeTemplate scope;
    try {
      scope = ScopeTemplate.parse(string(node, "scope", prefix));
    } catch (IllegalArgumentException e) {
      throw new BreakerSpecException(prefix + "scope", e.getMessage());
    }
    List<String> matcherTexts = strings(node, "matchers", prefix);
    if (matcherTexts.isEmpty()) {
      throw new BreakerSpecException(
          prefix + "matchers", "at least one matcher, e.g. alertname=\"ChainHeadStalled\"");
    }
    List<LabelMatcher> matchers = new ArrayList<>();
    for (int i = 0; i < matcherTexts.size(); i++) {
      try {
        matchers.add(LabelMatcher.parse(matcherTexts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new BreakerSpecException(prefix + "matchers[" + i + "]", e.getMessage());
      }
    }
    if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
      // Like Alertmanager's silences: matchers that match an alert without labels match everything.
      throw new BreakerSpecException(
          prefix + "matchers", "at least one matcher must not match the empty string");
    }
    List<String> actions = strings(node, "actions", prefix);
    if (actions.isEmpty()) {
      throw new BreakerSpecException(
          prefix + "actions", "at least one action, e.g. pause-deposits, route-around");
    }
    for (int i = 0; i < actions.size(); i++) {
      if (!ACTION.matcher(actions.get(i)).matches()) {
        throw new BreakerSpecException(
            prefix + "actions[" + i + "]",
            "lower-case letters, digits and - (e.g. pause-deposits)");
      }
    }
    return new BreakerSpec(
        name,
        string(node, "description", prefix),
        scope,
        matchers,
        duration(node, "min_open", DEFAULT_MIN_OPEN, prefix),
        bool(node, "half_open", true, prefix),
        duration(node, "healthy_period", DEFAULT_HEALTHY_PERIOD, prefix),
        actions,
        true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value, String path) {
    if (!(value instanceof Map<?, ?>)) {
      throw new BreakerSpecException(path, "expected a mapping");
    }
    return (Map<String, Object>) value;
  }

  private static String string(Map<String, Object> node, String key, String prefix) {
    Object v = node.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new BreakerSpecException(prefix + key, "expected a string");
    }
    return String.valueOf(v);
  }

  private static List<String> strings(Map<String, Object> node, String key, String prefix) {
    Object v = node.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof String))) {
      throw new BreakerSpecException(prefix + key, "expected a list of strings");
    }
    return items.stream().map(String.class::cast).toList();
  }

  private static boolean bool(Map<String, Object> node, String key, boolean def, String prefix) {
    Object v = node.get(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Boolean b)) {
      throw new BreakerSpecException(prefix + key, "expected true or false");
    }
    return b;
  }

  private static Duration duration(
      Map<String, Object> node, String key, Duration def, String prefix) {
    Object v = node.get(key);
    if (v == null) {
      return def;
    }
    try {
      Duration d = Durations.parse(String.valueOf(v));
      if (d.isNegative()) {
        throw new IllegalArgumentException("must not be negative");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new BreakerSpecException(prefix + key, e.getMessage());
    }
  }
}
