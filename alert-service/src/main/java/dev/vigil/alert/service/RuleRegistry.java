package dev.vigil.alert.service;

import dev.vigil.alert.config.AlertConfig;
import dev.vigil.alert.domain.rule.RuleProblem;
import dev.vigil.alert.persistence.StoredRuleEntity;
import dev.vigil.alert.persistence.StoredRuleRepository;
import dev.vigil.alert.rules.CelExpressions;
import dev.vigil.alert.rules.RuleCompiler;
import dev.vigil.alert.rules.RuleFile;
import dev.vigil.alert.rules.RuleSet;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The rules in force, from three layers merged by rule name: the default packs on the classpath,
 * the files of {@code vigil.alert.rules.dir}, and the rules stored through REST. Files and stored
 * rules are polled; a changed file is compiled all or nothing and a broken one never replaces the
 * last good version of that file: its problems are logged and shown by {@code GET
 * /api/v1/rules/files}.
 */
@ApplicationScoped
@Startup
public class RuleRegistry {

  static final List<String> DEFAULT_PACKS =
      List.of("certificates.yaml", "chains.yaml", "apis.yaml");

  private static final Logger LOG = Logger.getLogger(RuleRegistry.class);

  private final AlertConfig config;
  private final StoredRuleRepository stored;
  private final RuleCompiler compiler = new RuleCompiler(new CelExpressions());
  private final List<RuleFile> defaults = new ArrayList<>();
  private final WatchedDirectory<RuleFile> files;
  private final Map<String, RuleFile> restRules = new TreeMap<>();
  private final Map<String, Long> restVersions = new LinkedHashMap<>();
  private final AtomicReference<RuleSet> current = new AtomicReference<>(RuleSet.EMPTY);

  public RuleRegistry(AlertConfig config, StoredRuleRepository stored) {
    this.config = config;
    this.stored = stored;
    this.files =
        new WatchedDirectory<>(
            "rules", (name, text) -> RuleFile.compile(compiler, name, text), RuleFile::problems);
    if (config.rules().defaultPacks()) {
      for (String pack : DEFAULT_PACKS) {
        RuleFile f = RuleFile.compile(compiler, "classpath:rules/" + pack, classpath(pack));
        if (!f.valid()) {
          throw new IllegalStateException("default rule pack is invalid: " + f.problems());
        }
        defaults.add(f);
      }
    }
    scanDirectory();
    rebuild();
  }

  void onStart(@Observes StartupEvent start) {
    reload();
  }

  /** The rules in force now. */
  public RuleSet current() {
    return current.get();
  }

  public RuleCompiler compiler() {
    return compiler;
  }

  /** Every source of rules and its state, for {@code GET /api/v1/rules/files}. */
  public synchronized List<RuleFile> sources() {
    List<RuleFile> out = new ArrayList<>(defaults);
    files.files().values().forEach(s -> out.add(s.latest()));
    out.addAll(restRules.values());
    return out;
  }

  /** Problems of the files whose latest version is not in force. */
  public synchronized List<RuleProblem> problems() {
    return files.files().values().stream().flatMap(s -> s.latest().problems().stream()).toList();
  }

  /** Polls the directory and the stored rules; rebuilds the rule set if anything changed. */
  @Scheduled(
      every = "${vigil.alert.rules.reload-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public synchronized void reload() {
    boolean changed = scanDirectory();
    changed |= QuarkusTransaction.requiringNew().call(this::loadStored);
    if (changed) {
      rebuild();
    }
  }

  private boolean scanDirectory() {
    return files.scan(config.rules().dir());
  }

  private boolean loadStored() {
    Map<String, Long> versions = new LinkedHashMap<>();
    List<StoredRuleEntity> all = stored.listAll();
    all.forEach(r -> versions.put(r.name, r.version));
    if (versions.equals(restVersions)) {
      return false;
    }
    restRules.clear();
    for (StoredRuleEntity r : all) {
      RuleFile f = RuleFile.compileSingle(compiler, "rest:" + r.name, r.definition);
      if (!f.valid()) {
        // Validated before it was stored; only a newer Vigil with stricter rules gets here.
        LOG.errorf("stored rule %s no longer compiles: %s", r.name, f.problems());
      }
      restRules.put(r.name, f);
    }
    restVersions.clear();
    restVersions.putAll(versions);
    return true;
  }

  private void rebuild() {
    List<RuleFile> layers = new ArrayList<>(defaults);
    files.files().values().stream()
        .filter(s -> s.good() != null)
        .forEach(s -> layers.add(s.good()));
    layers.addAll(restRules.values());
    RuleSet set = RuleSet.merge(layers);
    current.set(set);
    LOG.infof("%d alert rules in force", set.all().size());
  }

  private static String classpath(String pack) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream("rules/" + pack)) {
      if (in == null) {
        throw new IllegalStateException("default rule pack rules/" + pack + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
