package dev.vigil.alert.service;

import dev.vigil.alert.domain.rule.RuleProblem;
import dev.vigil.alert.persistence.StoredRuleEntity;
import dev.vigil.alert.persistence.StoredRuleRepository;
import dev.vigil.alert.rules.RuleFile;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Rules managed through REST: validated first, stored in PostgreSQL, picked up by every replica.
 */
@ApplicationScoped
public class RuleAdmin {

  private final RuleRegistry registry;
  private final StoredRuleRepository stored;
  private final Clock clock;

  public RuleAdmin(RuleRegistry registry, StoredRuleRepository stored, Clock clock) {
    this.registry = registry;
    this.stored = stored;
    this.clock = clock;
  }

  /** Compiles a whole rule file without keeping it. */
  public RuleFile validate(String yaml) {
    return RuleFile.compile(registry.compiler(), "request", yaml);
  }

  /**
   * Creates or replaces a stored rule.
   *
   * @return whether it was created
   * @throws ProblemException 400 naming every field at fault; nothing is stored then
   */
  @Transactional
  public boolean put(String name, String definition) {
    RuleFile f = RuleFile.compileSingle(registry.compiler(), "request", definition);
    if (!f.valid()) {
      throw invalid(f.problems());
    }
    String defined = f.rules().isEmpty() ? f.disabled().get(0) : f.rules().get(0).name();
    if (!defined.equals(name)) {
      throw ProblemException.invalidField("name", "must equal the name in the path, " + name);
    }
    StoredRuleEntity e = stored.findById(name);
    boolean created = e == null;
    if (created) {
      e = new StoredRuleEntity();
      e.name = name;
    }
    e.definition = definition;
    e.updatedAt = clock.instant();
    if (created) {
      stored.persist(e);
    }
    return created;
  }

  /**
   * @return whether a stored rule of that name existed
   */
  @Transactional
  public boolean delete(String name) {
    return stored.deleteById(name);
  }

  /** The rule problems as problem+json: field path, and the line in the message. */
  public static ProblemException invalid(List<RuleProblem> problems) {
    List<Problem.FieldError> errors =
        problems.stream()
            .map(p -> new Problem.FieldError(p.field(), "line " + p.line() + ": " + p.message()))
            .toList();
    return new ProblemException(
        400, "Invalid rules", problems.size() + " problem(s): " + problems.get(0), errors);
  }
}
