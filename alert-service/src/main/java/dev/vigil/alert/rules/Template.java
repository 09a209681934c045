package dev.vigil.alert.rules;

import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Label and annotation text with CEL placeholders: {@code "Certificate for {{ location }} {{ expiry
 * }}"}. Each {@code {{ ... }}} is a CEL expression compiled and type-checked with the rule, so a
 * template cannot run code, read files or loop forever, and a misspelt field fails the load. Values
 * print plainly: whole doubles without {@code .0}, lists joined by {@code ", "}, {@code null} as
 * nothing. An expression that cannot be evaluated prints as {@code <error>}: a summary is never
 * worth losing the alert.
 */
public final class Template {

  private final List<Object> parts;
  private final String text;

  private Template(List<Object> parts, String text) {
    this.parts = parts;
    this.text = text;
  }

  /**
   * @throws CelExpressions.CompileException with columns counted from the start of {@code text}
   */
  public static Template compile(
      CelExpressions cel, EventSchema schema, boolean perFinding, String text)
      throws CelExpressions.CompileException {
    List<Object> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("{{", at);
      if (open < 0) {
        parts.add(text.substring(at));
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new CelExpressions.CompileException(
            List.of(new CelExpressions.CompileError(1, open + 1, "'{{' without '}}'")));
      }
      if (open > at) {
        parts.add(text.substring(at, open));
      }
      String expr = text.substring(open + 2, close);
      if (expr.isBlank()) {
        throw new CelExpressions.CompileException(
            List.of(new CelExpressions.CompileError(1, open + 1, "empty '{{ }}'")));
      }
      try {
        parts.add(cel.any(schema, perFinding, expr));
      } catch (CelExpressions.CompileException e) {
        int offset = open + 2;
        throw new CelExpressions.CompileException(
            e.errors().stream()
                .map(
                    err ->
                        new CelExpressions.CompileError(
                            err.line(), err.column() + offset, err.message()))
                .toList());
      }
      at = close + 2;
    }
    return new Template(List.copyOf(parts), text);
  }

  /** Whether the text has no placeholder. */
  public boolean isConstant() {
    return parts.stream().allMatch(String.class::isInstance);
  }

  public String text() {
    return text;
  }

  public String render(Map<String, ?> variables) {
    if (parts.size() == 1 && parts.get(0) instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.append(s);
      } else {
        try {
          out.append(print(((CelExpressions.Expression) part).eval(variables)));
        } catch (CelExpressions.EvaluationException e) {
          out.append("<error>");
        }
      }
    }
    return out.toString();
  }

  static String print(Object value) {
    if (value == null
        || value instanceof NullValue
        || value instanceof com.google.protobuf.NullValue) {
      return "";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : d.toString();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(Template::print).collect(Collectors.joining(", "));
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .map(e -> print(e.getKey()) + "=" + print(e.getValue()))
          .collect(Collectors.joining(", "));
    }
    return value.toString();
  }
}
