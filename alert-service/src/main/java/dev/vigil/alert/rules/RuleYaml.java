package dev.vigil.alert.rules;

import dev.vigil.alert.domain.rule.Durations;
import dev.vigil.alert.domain.rule.RuleProblem;
import dev.vigil.alert.domain.rule.RuleSpec;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule file into {@link RuleSpec}s, remembering the line of every field. Only the node tree
 * is built (no object construction from tags), aliases are capped and unknown fields are errors, so
 * a typo such as {@code keep_firing: 5m} is reported instead of silently ignored.
 *
 * <pre>
 * rules:
 *   - name: CertificateExpiring
 *     source: dev.vigil.certificate.scanned.v1
 *     expr: daysLeft &lt; 28
 *     ...
 * </pre>
 */
public final class RuleYaml {

  static final Set<String> FIELDS =
      Set.of(
          "name",
          "source",
          "expr",
          "recover_expr",
          "guard",
          "for_each",
          "for",
          "keep_firing_for",
          "severity",
          "labels",
          "annotations",
          "identity",
          "value",
          "no_data",
          "enabled",
          "description");

  private RuleYaml() {}

  /** Specs and the problems found while reading them (CEL is checked later, by the compiler). */
  public record Parsed(List<RuleSpec> specs, List<String> paths, List<RuleProblem> problems) {}

  public static Parsed parse(String origin, String text) {
    List<RuleSpec> specs = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      options.setCodePointLimit(2 * 1024 * 1024);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      problems.add(new RuleProblem(origin, line, null, "(yaml)", e.getProblem()));
      return new Parsed(specs, paths, problems);
    } catch (RuntimeException e) {
      problems.add(new RuleProblem(origin, 0, null, "(yaml)", e.getMessage()));
      return new Parsed(specs, paths, problems);
    }
    if (root == null) {
      return new Parsed(specs, paths, problems); // an empty file holds no rules
    }
    if (!(root instanceof MappingNode top)) {
      problems.add(new RuleProblem(origin, line(root), null, "(root)", "expected 'rules:'"));
      return new Parsed(specs, paths, problems);
    }
    Node rules = null;
    for (NodeTuple t : top.getValue()) {
      String key = scalar(t.getKeyNode());
      if ("rules".equals(key)) {
        rules = t.getValueNode();
      } else {
        problems.add(
            new RuleProblem(
                origin, line(t.getKeyNode()), null, key, "unknown field; expected 'rules'"));
      }
    }
    if (rules == null) {
      problems.add(new RuleProblem(origin, line(root), null, "rules", "is required"));
      return new Parsed(specs, paths, problems);
    }
    if (!(rules instanceof SequenceNode list)) {
      problems.add(new RuleProblem(origin, line(rules), null, "rules", "must be a list"));
      return new Parsed(specs, paths, problems);
    }
    for (int i = 0; i < list.getValue().size(); i++) {
      String path = "rules[" + i + "]";
      RuleSpec spec = rule(origin, path, list.getValue().get(i), problems);
      if (spec != null) {
        specs.add(spec);
        paths.add(path);
      }
    }
    return new Parsed(specs, paths, problems);
  }

  /** A single rule given as a mapping (a REST body), not wrapped in {@code rules:}. */
  public static Parsed parseSingle(String origin, String text) {
    List<RuleSpec> specs = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      problems.add(new RuleProblem(origin, line, null, "(yaml)", e.getProblem()));
      return new Parsed(specs, List.of(), problems);
    } catch (RuntimeException e) {
      problems.add(new RuleProblem(origin, 0, null, "(yaml)", e.getMessage()));
      return new Parsed(specs, List.of(), problems);
    }
    if (root == null) {
      problems.add(new RuleProblem(origin, 1, null, "(body)", "a rule is required"));
      return new Parsed(specs, List.of(), problems);
    }
    RuleSpec spec = rule(origin, "rule", root, problems);
    if (spec != null) {
      specs.add(spec);
    }
    return new Parsed(specs, spec == null ? List.of() : List.of("rule"), problems);
  }

  private static RuleSpec rule(String origin, String path, Node node, List<RuleProblem> problems) {
    if (!(node instanceof MappingNode map)) {
      problems.add(new RuleProblem(origin, line(node), null, path, "must be a mapping"));
      return null;
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode());
      fields.put(key, t.getValueNode());
      lines.put(key, valueLine(t.getValueNode()));
    }
    int before = problems.size();
    String name = text(fields.get("name"));
    if (name == null || name.isBlank()) {
      problems.add(new RuleProblem(origin, line(map), null, path + ".name", "is required"));
      return null;
    }
    for (String key : fields.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(
            new RuleProblem(
                origin,
                lines.get(key),
                name,
                path + "." + key,
                "unknown field; expected one of " + new java.util.TreeSet<>(FIELDS)));
      }
    }
    Reader r = new Reader(origin, path, name, fields, problems);
    Map<String, String> labels = r.map("labels", lines);
    Map<String, String> annotations = r.map("annotations", lines);
    String enabled = r.scalar("enabled");
    RuleSpec spec =
        new RuleSpec(
            name,
            r.scalar("source"),
            r.scalar("expr"),
            r.scalar("recover_expr"),
            r.scalar("guard"),
            r.scalar("for_each"),
            r.duration("for"),
            r.duration("keep_firing_for"),
            r.scalar("severity"),
            labels,
            annotations,
            r.list("identity"),
            r.scalar("value"),
            r.duration("no_data"),
            enabled == null || Boolean.parseBoolean(enabled),
            origin,
            lines);
    if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
      r.problem("enabled", "must be true or false");
    }
    return problems.size() == before ? spec : null;
  }

  private static final class Reader {
    final String origin;
    final String path;
    final String name;
    final Map<String, Node> fields;
    final List<RuleProblem> problems;

    Reader(
        String origin,
        String path,
        String name,
        Map<String, Node> fields,
        List<RuleProblem> problems) {
      this.origin = origin;
      this.path = path;
      this.name = name;
      this.fields = fields;
      this.problems = problems;
    }

    void problem(String field, String message) {
      Node n = fields.get(field);
      problems.add(
          new RuleProblem(origin, n == null ? 0 : line(n), name, path + "." + field, message));
    }

    String scalar(String field) {
      Node n = fields.get(field);
      if (n == null) {
        return null;
      }
      if (!(n instanceof ScalarNode)) {
        problem(field, "must be a single value");
        return null;
      }
      return text(n);
    }

    Duration duration(String field) {
      String s = scalar(field);
      if (s == null) {
        return null;
      }
      try {
        return Durations.parse(s);
      } catch (IllegalArgumentException e) {
        problem(field, e.getMessage());
        return null;
      }
    }

    List<String> list(String field) {
      Node n = fields.get(field);
      if (n == null) {
        return List.of();
      }
      if (!(n instanceof SequenceNode seq)) {
        problem(field, "must be a list of label names");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Node e : seq.getValue()) {
        out.add(text(e));
      }
      return out;
    }

    Map<String, String> map(String field, Map<String, Integer> lines) {
      Node n = fields.get(field);
      if (n == null) {
        return Map.of();
      }
      if (!(n instanceof MappingNode m)) {
        problem(field, "must be a mapping of names to text");
        return Map.of();
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = RuleYaml.scalar(t.getKeyNode());
        if (!(t.getValueNode() instanceof ScalarNode)) {
          problems.add(
              new RuleProblem(
                  origin,
                  line(t.getValueNode()),
                  name,
                  path + "." + field + "." + key,
                  "must be text"));
          continue;
        }
        out.put(key, text(t.getValueNode()));
        lines.put(field + "." + key, valueLine(t.getValueNode()));
      }
      return out;
    }
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n);
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  /** The first line of a value's text: after the {@code |} or {@code >} of a block scalar. */
  private static int valueLine(Node n) {
    if (n instanceof ScalarNode s
        && (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
            || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
      return line(n) + 1;
    }
    return line(n);
  }
}
