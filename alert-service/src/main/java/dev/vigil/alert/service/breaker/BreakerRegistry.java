package dev.vigil.alert.service.breaker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.alert.config.breaker.BreakerConfig;
import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.BreakerSpecException;
import dev.vigil.alert.domain.breaker.BreakerSpecParser;
import dev.vigil.alert.persistence.breaker.BreakerDefinitionRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.service.WatchedDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The breakers in force, from three layers merged by name, later layers winning: the shipped pack,
 * the files of {@code vigil.alert.breakers.dir} (a mounted ConfigMap; file-name order), and the
 * definitions stored through the REST API. {@code enabled: false} removes a breaker of lower
 * layers. Files are polled like rule files ({@link WatchedDirectory}): a broken file never replaces
 * its last good version. Held as an immutable map swapped on reload, so the intake and the sweep
 * read it without locking. A breaker that is new, changed or back has its open scopes re-checked at
 * the next sweep, so a shorter {@code min_open} or a restored definition takes effect without an
 * alert.
 */
@ApplicationScoped
public class BreakerRegistry {

  static final String PACK = "breakers/breakers.yaml";
  private static final Logger LOG = Logger.getLogger(BreakerRegistry.class);
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

  /** Where a breaker in force comes from: {@code classpath:...}, a file name, or {@code rest}. */
  public record Source(String origin, String version) {}

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final BreakerConfig config;
  private final BreakerDefinitionRepository stored;
  private final BreakerStateRepository states;
  private final Clock clock;
  private final BreakerFile pack;
  private final WatchedDirectory<BreakerFile> files =
      new WatchedDirectory<>("breakers", BreakerYaml::read, BreakerFile::problems);
  private Map<String, String> storedTexts = Map.of();
  private volatile Map<String, BreakerSpec> current;
  private volatile Map<String, Source> sources = Map.of();

  public BreakerRegistry(
      BreakerConfig config,
      BreakerDefinitionRepository stored,
      BreakerStateRepository states,
      Clock clock) {
    this.config = config;
    this.stored = stored;
    this.states = states;
    this.clock = clock;
    this.pack = config.defaultPack() ? loadPack() : new BreakerFile(PACK, List.of(), List.of());
  }

  /** The enabled breakers, by name. */
  public Map<String, BreakerSpec> current() {
    Map<String, BreakerSpec> c = current;
    if (c == null) {
      // First use, not construction: the schema is migrated by then.
      reload();
      c = current;
    }
    return c;
  }

  public Optional<BreakerSpec> breaker(String name) {
    return Optional.ofNullable(current().get(name));
  }

  /** Where each breaker in force comes from. */
  public Map<String, Source> sources() {
    current();
    return sources;
  }

  /**
   * The pack and every file of the directory: valid or not, with its problems (the latest version
   * read; an invalid one is not in force, its last good version is).
   */
  public synchronized List<BreakerFile> files() {
    List<BreakerFile> out = new ArrayList<>();
    out.add(pack);
    files.files().values().forEach(f -> out.add(f.latest()));
    return out;
  }

  /** Parses one definition given as YAML or JSON text; errors name the field. */
  public BreakerSpec parse(String text) {
    Map<String, Object> tree;
    try {
      tree = yaml.readValue(text, TREE);
    } catch (IOException e) {
      throw new BreakerSpecException("body", "not YAML or JSON: " + firstLine(e.getMessage()));
    }
    if (tree == null) {
      throw new BreakerSpecException("body", "empty");
    }
    return BreakerSpecParser.parse(tree, "");
  }

  @Scheduled(
      every = "${vigil.alert.breakers.reload-interval:5s}",
      delayed = "${vigil.alert.breakers.reload-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void poll() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.warnf("breakers not re-read, the ones in force stay: %s", e.getMessage());
    }
  }

  /** Re-reads the directory and the stored definitions and swaps the map in force. */
  public synchronized void reload() {
    boolean changed = files.scan(config.dir());
    Map<String, String> texts = QuarkusTransaction.requiringNew().call(stored::all);
    if (!changed && current != null && texts.equals(storedTexts)) {
      return;
    }
    Map<String, BreakerSpec> merged = new TreeMap<>();
    Map<String, Source> from = new TreeMap<>();
    layer(pack.specs(), pack.origin(), "pack", merged, from);
    files
        .files()
        .forEach(
            (name, state) -> {
              if (state.good() != null) {
                layer(state.good().specs(), name, state.hash(), merged, from);
              }
            });
    texts.forEach(
        (name, text) -> {
          try {
            layer(List.of(parse(text)), "rest", WatchedDirectory.sha256(text), merged, from);
          } catch (BreakerSpecException e) {
            // Validated when stored; only a change of the format can get here.
            LOG.errorf("stored breaker %s is invalid and ignored: %s", name, e.getMessage());
          }
        });
    Map<String, Source> before = sources;
    List<String> renewed =
        from.entrySet().stream()
            .filter(e -> !e.getValue().equals(before.get(e.getKey())))
            .map(Map.Entry::getKey)
            .toList();
    storedTexts = texts;
    sources = Map.copyOf(from);
    current = Map.copyOf(merged);
    if (!renewed.isEmpty()) {
      Instant now = clock.instant();
      int n = QuarkusTransaction.requiringNew().call(() -> states.recheck(renewed, now));
      LOG.infof(
          "%d breakers in force; new or changed: %s (%d open scopes re-checked)",
          merged.size(), renewed, n);
    }
  }

  private static void layer(
      List<BreakerSpec> specs,
      String origin,
      String version,
      Map<String, BreakerSpec> merged,
      Map<String, Source> from) {
    for (BreakerSpec spec : specs) {
      if (spec.enabled()) {
        merged.put(spec.name(), spec);
        from.put(spec.name(), new Source(origin, version));
      } else {
        merged.remove(spec.name());
        from.remove(spec.name());
      }
    }
  }

  private BreakerFile loadPack() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(PACK)) {
      if (in == null) {
        throw new IllegalStateException("default breaker pack " + PACK + " missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      BreakerFile f = BreakerYaml.read("classpath:" + PACK, text);
      if (!f.valid()) {
        throw new IllegalStateException("default breaker pack is invalid: " + f.problems());
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
