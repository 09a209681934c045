package dev.vigil.alert.service.breaker;

import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerProblem;
import dev.vigil.alert.domain.breaker.BreakerSpecException;
import dev.vigil.alert.domain.breaker.BreakerSpecParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a breaker file with the line of every field, so that a problem reads {@code chains.yaml:7:
 * breakers[1].min_open (breaker x): ...} as rule files do. Like the rule reader it only composes
 * the node tree (no object construction from tags), caps aliases and refuses duplicate keys; the
 * tree is then handed to the domain parser, which names the field at fault.
 */
public final class BreakerYaml {

  private BreakerYaml() {}

  /** Reads a file: {@code breakers:} with a list of definitions. Never throws for bad content. */
  public static BreakerFile read(String origin, String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      options.setCodePointLimit(2 * 1024 * 1024);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      return rejected(origin, new BreakerProblem(origin, line, null, "(yaml)", e.getProblem()));
    } catch (RuntimeException e) {
      return rejected(origin, new BreakerProblem(origin, 0, null, "(yaml)", e.getMessage()));
    }
    if (root == null) {
      return new BreakerFile(origin, List.of(), List.of()); // an empty file holds no breakers
    }
    Map<String, Integer> lines = new HashMap<>();
    Object tree;
    try {
      tree = tree(root, "", lines);
    } catch (DuplicateKey e) {
      return rejected(origin, new BreakerProblem(origin, e.line, null, e.path, "duplicate key"));
    }
    if (!(tree instanceof Map<?, ?>)) {
      return rejected(
          origin, new BreakerProblem(origin, line(root), null, "(root)", "expected 'breakers:'"));
    }
    @SuppressWarnings("unchecked")
    BreakerSpecParser.Parsed parsed = BreakerSpecParser.parseAll((Map<String, Object>) tree);
    List<BreakerProblem> problems = new ArrayList<>();
    for (BreakerSpecException e : parsed.problems()) {
      String field = e.field();
      String item = field.startsWith("breakers[") ? field.substring(0, field.indexOf(']') + 1) : "";
      problems.add(
          new BreakerProblem(
              origin, lineOf(field, lines), parsed.names().get(item), field, e.problem()));
    }
    return problems.isEmpty()
        ? new BreakerFile(origin, parsed.specs(), List.of())
        : new BreakerFile(origin, List.of(), problems);
  }

  private static BreakerFile rejected(String origin, BreakerProblem problem) {
    return new BreakerFile(origin, List.of(), List.of(problem));
  }

  /** The line of a field path, else of its nearest enclosing path that has one. */
  static int lineOf(String field, Map<String, Integer> lines) {
    String path = field;
    while (!path.isEmpty()) {
      Integer line = lines.get(path);
      if (line != null) {
        return line;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return lines.getOrDefault("", 0);
  }

  /**
   * Plain maps, lists and scalars typed as YAML 1.1 resolves them (what the Jackson reader of the
   * REST API gives), remembering each path's line: a field's is the line of its key.
   */
  private static Object tree(Node node, String path, Map<String, Integer> lines) {
    lines.putIfAbsent(path, line(node));
    if (node instanceof MappingNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        String key =
            t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
        String child = path.isEmpty() ? key : path + "." + key;
        if (out.containsKey(key)) {
          // compose() does not check duplicates (construction would): the later one would win.
          throw new DuplicateKey(child, line(t.getKeyNode()));
        }
        lines.putIfAbsent(child, line(t.getKeyNode()));
        out.put(key, tree(t.getValueNode(), child, lines));
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < seq.getValue().size(); i++) {
        out.add(tree(seq.getValue().get(i), path + "[" + i + "]", lines));
      }
      return out;
    }
    ScalarNode scalar = (ScalarNode) node;
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "on", "y" -> Boolean.TRUE;
        default -> Boolean.FALSE;
      };
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      try {
        return Tag.INT.equals(tag) ? (Object) Long.valueOf(value) : (Object) Double.valueOf(value);
      } catch (NumberFormatException e) {
        return value; // 0x1F, 1_000, .inf: kept as text, rejected by the parser where it matters
      }
    }
    return value;
  }

  private static final class DuplicateKey extends RuntimeException {
    final String path;
    final int line;

    DuplicateKey(String path, int line) {
      super(path, null, false, false);
      this.path = path;
      this.line = line;
    }
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }
}
