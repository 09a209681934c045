package dev.vigil.alert.service.breaker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.alert.config.breaker.BreakerConfig;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.BreakerSpecException;
import dev.vigil.alert.domain.breaker.BreakerSpecParser;
import dev.vigil.alert.persistence.breaker.BreakerDefinitionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The breakers in force: the shipped pack, overridden by name by definitions stored through the
 * REST API ({@code enabled: false} removes one). Held as an immutable map swapped on reload, so the
 * intake and the sweep read it without locking.
 */
@ApplicationScoped
public class BreakerRegistry {

  static final String PACK = "breakers/breakers.yaml";
  private static final Logger LOG = Logger.getLogger(BreakerRegistry.class);
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final BreakerDefinitionRepository stored;
  private final List<BreakerSpec> pack;
  private volatile Map<String, BreakerSpec> current;

  public BreakerRegistry(BreakerConfig config, BreakerDefinitionRepository stored) {
    this.stored = stored;
    this.pack = config.defaultPack() ? loadPack() : List.of();
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
      LOG.warnf("stored breakers not re-read, the ones in force stay: %s", e.getMessage());
    }
  }

  /** Re-reads the stored definitions and swaps the map in force. */
  public void reload() {
    Map<String, String> texts = QuarkusTransaction.requiringNew().call(stored::all);
    Map<String, BreakerSpec> merged = new TreeMap<>();
    pack.forEach(b -> merged.put(b.name(), b));
    texts.forEach(
        (name, text) -> {
          try {
            BreakerSpec spec = parse(text);
            if (spec.enabled()) {
              merged.put(name, spec);
            } else {
              merged.remove(name);
            }
          } catch (BreakerSpecException e) {
            // Validated when stored; only a change of the format can get here.
            LOG.errorf("stored breaker %s is invalid and ignored: %s", name, e.getMessage());
          }
        });
    current = Map.copyOf(merged);
  }

  private List<BreakerSpec> loadPack() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(PACK)) {
      if (in == null) {
        throw new IllegalStateException("default breaker pack " + PACK + " missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return BreakerSpecParser.parseFile(yaml.readValue(text, TREE));
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
