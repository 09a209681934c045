package dev.vigil.alert.domain.breaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scope such as {@code chain:{{ chain_id }}}: literal text with label placeholders ({@code {{
 * name }}} or {@code {{ labels.name }}}). Deliberately not CEL: a scope is an identifier that
 * consumers key on, and a placeholder that cannot be filled must not produce a half-made one, so an
 * alert without the label simply does not concern the breaker.
 */
public record ScopeTemplate(String text, List<String> labels) {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*(?:labels\\.)?([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.:@-]*");

  public ScopeTemplate {
    labels = List.copyOf(labels);
  }

  /**
   * @throws IllegalArgumentException for an empty template, characters that do not belong in a
   *     scope, or a broken placeholder
   */
  public static ScopeTemplate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("required, e.g. chain:{{ chain_id }}");
    }
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      literal(text, text.substring(last, m.start()));
      names.add(m.group(1));
      last = m.end();
    }
    literal(text, text.substring(last));
    return new ScopeTemplate(text, names);
  }

  private static void literal(String text, String part) {
    if (!LITERAL.matcher(part).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "': only letters, digits, _.:@- and {{ label }} placeholders are allowed");
    }
  }

  /** The scope for these labels, or empty when a placeholder's label is missing or empty. */
  public Optional<String> render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      out.append(text, last, m.start()).append(value);
      last = m.end();
    }
    out.append(text.substring(last));
    return Optional.of(out.toString());
  }

  @Override
  public String toString() {
    return text;
  }
}
