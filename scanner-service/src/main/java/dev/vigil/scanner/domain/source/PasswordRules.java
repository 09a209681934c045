package dev.vigil.scanner.domain.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which secret reference holds the password of a keystore. Keys are an exact path or a glob; a
 * pattern without {@code /} is matched against the file name only ({@code *.p12}), one with {@code
 * /} against the absolute path ({@code /etc/tls/**.jks}). An exact path wins, then the longest
 * matching pattern, so a specific rule overrides a general one.
 */
public final class PasswordRules {

  private final List<Rule> rules;

  public PasswordRules(Map<String, String> referencesByPattern) {
    this.rules =
        referencesByPattern.entrySet().stream()
            .map(e -> Rule.of(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingInt((Rule r) -> r.pattern().length()).reversed())
            .toList();
  }

  /** The rule for a file, if any: its pattern and the (unparsed) reference. */
  public Optional<Match> find(Path absolutePath) {
    for (Rule rule : rules) {
      if (rule.pattern().equals(absolutePath.toString())) {
        return Optional.of(new Match(rule.pattern(), rule.reference()));
      }
    }
    Path name = absolutePath.getFileName();
    return rules.stream()
        .filter(r -> r.matcher() != null && r.matcher().matches(r.byName() ? name : absolutePath))
        .findFirst()
        .map(r -> new Match(r.pattern(), r.reference()));
  }

  /** A matched rule. {@code reference} is not the password but may be mistyped as one. */
  public record Match(String pattern, String reference) {}

  private record Rule(String pattern, String reference, PathMatcher matcher, boolean byName) {
    static Rule of(String pattern, String reference) {
      PathMatcher matcher;
      try {
        matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      } catch (IllegalArgumentException e) {
        // Not a valid glob (PatternSyntaxException): it can still name one file exactly.
        matcher = null;
      }
      return new Rule(pattern, reference, matcher, !pattern.contains("/"));
    }
  }
}
