package dev.vigil.scanner.chain.probe;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * The JSON path forms an {@code ApiCheck} accepts, translated to a Jackson {@link JsonPointer}:
 *
 * <ul>
 *   <li>a JSON Pointer (RFC 6901) as is: {@code /universe/0/name};
 *   <li>a JSONPath subset: {@code $} followed by {@code .name}, {@code [index]} and {@code
 *       ['name']} steps: {@code $.universe[0].name}, {@code $['a.b'].c}.
 * </ul>
 *
 * No wildcards, filters, slices or recursive descent: an assertion names exactly one value.
 */
final class JsonPaths {

  private JsonPaths() {}

  /**
   * @throws IllegalArgumentException with a reason when the path is not one of the forms above
   */
  static JsonPointer toPointer(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return JsonPointer.compile(path);
    }
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("a path starts with $ or /");
    }
    StringBuilder pointer = new StringBuilder();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException("empty name at position " + i);
        }
        append(pointer, path.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed [ at position " + i);
        }
        String inside = path.substring(i + 1, close).trim();
        if (inside.length() >= 2
            && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
          append(pointer, inside.substring(1, inside.length() - 1));
        } else if (inside.matches("\\d+")) {
          pointer.append('/').append(inside);
        } else {
          throw new IllegalArgumentException("unsupported step [" + inside + "]");
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
      }
    }
    return JsonPointer.compile(pointer.toString());
  }

  private static void append(StringBuilder pointer, String name) {
    pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
  }
}
