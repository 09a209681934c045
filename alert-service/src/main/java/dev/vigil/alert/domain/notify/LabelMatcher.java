package dev.vigil.alert.domain.notify;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager label matcher: {@code name=value}, {@code name!=value}, {@code name=~regex} or
 * {@code name!~regex}. Regexes are anchored at both ends, as in Alertmanager, so {@code
 * severity=~"crit"} does not match {@code critical}. A missing label matches as the empty string.
 */
public record LabelMatcher(String name, Type type, String value, Pattern pattern) {

  /** The four operators, with their textual form. */
  public enum Type {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    public String operator() {
      return operator;
    }

    public boolean isRegex() {
      return this == REGEX || this == NOT_REGEX;
    }

    public boolean isEqual() {
      return this == EQUAL || this == REGEX;
    }

    public static Type of(boolean isRegex, boolean isEqual) {
      if (isRegex) {
        return isEqual ? REGEX : NOT_REGEX;
      }
      return isEqual ? EQUAL : NOT_EQUAL;
    }
  }

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern TEXT =
      Pattern.compile(
          "^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$", Pattern.DOTALL);

  public LabelMatcher {
    Objects.requireNonNull(type, "type");
    value = value == null ? "" : value;
  }

  /**
   * Builds a matcher.
   *
   * @throws IllegalArgumentException naming the problem: a bad label name or an invalid regex
   */
  public static LabelMatcher of(String name, Type type, String value) {
    if (name == null || !LABEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid label name '" + name + "'");
    }
    Pattern pattern = null;
    if (type.isRegex()) {
      try {
        pattern = Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid regex for label " + name + ": " + e.getDescription());
      }
    }
    return new LabelMatcher(name, type, value, pattern);
  }

  /** Parses the Alertmanager 0.22+ text form; the value may be double-quoted. */
  public static LabelMatcher parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("matcher is empty");
    }
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad matcher '" + text + "': expected name=value, name!=value, name=~re or name!~re");
    }
    Type type =
        switch (m.group(2)) {
          case "=" -> Type.EQUAL;
          case "!=" -> Type.NOT_EQUAL;
          case "=~" -> Type.REGEX;
          default -> Type.NOT_REGEX;
        };
    return of(m.group(1), type, unquote(m.group(3), text));
  }

  private static String unquote(String raw, String text) {
    if (!raw.startsWith("\"")) {
      if (raw.contains("\"")) {
        throw new IllegalArgumentException("bad matcher '" + text + "': stray quote");
      }
      return raw;
    }
    if (raw.length() < 2 || !raw.endsWith("\"")) {
      throw new IllegalArgumentException("bad matcher '" + text + "': unterminated quote");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < raw.length() - 1; i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() - 1) {
        char next = raw.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else if (c == '"') {
        throw new IllegalArgumentException("bad matcher '" + text + "': unescaped quote");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (type) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern.matcher(actual).matches();
      case NOT_REGEX -> !pattern.matcher(actual).matches();
    };
  }

  /** The canonical text form, {@code name="value"} with the operator. */
  @Override
  public String toString() {
    return name + type.operator() + LabelSets.quote(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMatcher other
        && name.equals(other.name)
        && type == other.type
        && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }
}
