package dev.vigil.scanner.chain;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.chain.ChainViews.ApiView;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.chain.ApiCheck;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.messaging.ChainTargetPublisher;
import dev.vigil.scanner.persistence.ChainApiEntity;
import dev.vigil.scanner.persistence.ChainApiRepository;
import dev.vigil.scanner.persistence.ChainRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** HTTP APIs to probe, changed over REST and published to the chain-targets topic. */
@ApplicationScoped
public class ApiRegistry {

  private final ChainApiRepository apis;
  private final ChainRepository chains;
  private final ChainTargetPublisher publisher;
  private final LatestStatusStore statuses;
  private final AddressPolicy policy;
  private final Clock clock;

  public ApiRegistry(
      ChainApiRepository apis,
      ChainRepository chains,
      ChainTargetPublisher publisher,
      LatestStatusStore statuses,
      AddressPolicy policy,
      Clock clock) {
    this.apis = apis;
    this.chains = chains;
    this.publisher = publisher;
    this.statuses = statuses;
    this.policy = policy;
    this.clock = clock;
  }

  /** An API as submitted; {@code url} and headers may be omitted on a replace (kept). */
  public record ApiInput(ApiSpec spec, boolean urlGiven, boolean headersGiven) {}

  @Transactional
  public ApiView create(ApiInput input, String actor) {
    ApiSpec given = input.spec();
    ApiSpec spec = given.id() == null ? withId(given, UUID.randomUUID().toString()) : given;
    validate(spec, null);
    if (apis.findByIdOptional(spec.id()).isPresent()) {
      throw Problems.conflict("api", spec.id());
    }
    Instant now = clock.instant();
    ChainApiEntity a = new ChainApiEntity();
    a.id = spec.id();
    a.createdAt = now;
    apply(a, spec, actor, now);
    apis.persist(a);
    publish(a);
    return ApiView.of(a, null);
  }

  @Transactional
  public ApiView replace(String id, ApiInput input, String actor) {
    ChainApiEntity a = apis.findByIdOptional(id).orElseThrow(() -> notFound(id));
    ApiSpec given = input.spec();
    ApiCheck check = given.check();
    ApiSpec spec =
        new ApiSpec(
            id,
            given.name(),
            given.chainId(),
            input.urlGiven() ? given.url() : a.url,
            new ApiCheck(
                check.method(),
                check.body(),
                input.headersGiven() ? check.headers() : a.headers,
                check.expectedStatus(),
                check.jsonPath(),
                check.expectedValue(),
                check.maxLatency()),
            given.interval(),
            given.timeout(),
            given.labels());
    validate(spec, given.id() != null && !given.id().equals(id) ? "id" : null);
    apply(a, spec, actor, clock.instant());
    publish(a);
    return ApiView.of(a, statuses.latest(LatestStatusStore.API, id).orElse(null));
  }

  @Transactional
  public List<ApiView> list() {
    return apis.listByCreation().stream()
        .map(a -> ApiView.of(a, statuses.latest(LatestStatusStore.API, a.id).orElse(null)))
        .toList();
  }

  @Transactional
  public ApiView get(String id) {
    ChainApiEntity a = apis.findByIdOptional(id).orElseThrow(() -> notFound(id));
    return ApiView.of(a, statuses.latest(LatestStatusStore.API, id).orElse(null));
  }

  @Transactional
  public void delete(String id) {
    if (!apis.deleteById(id)) {
      throw notFound(id);
    }
    apis.flush();
    publisher.apiRemoved(id);
  }

  private void validate(ApiSpec spec, String idMismatch) {
    List<FieldViolation> violations = new ArrayList<>(spec.violations(policy));
    if (idMismatch != null) {
      violations.add(new FieldViolation("id", "must match the path"));
    }
    if (spec.chainId() != null && chains.findByIdOptional(spec.chainId()).isEmpty()) {
      violations.add(new FieldViolation("chainId", "no such chain"));
    }
    Problems.requireValid("Invalid API", violations);
  }

  private void publish(ChainApiEntity a) {
    apis.flush();
    publisher.api(ChainDefinitions.event(a));
  }

  private static void apply(ChainApiEntity a, ApiSpec s, String actor, Instant at) {
    ApiCheck c = s.check();
    a.name = s.name();
    a.chainId = s.chainId();
    a.url = s.url();
    a.method = c.method();
    a.body = c.body();
    a.headers = c.headers();
    a.expectedStatus = c.expectedStatus();
    a.jsonPath = c.jsonPath();
    a.expectedValue = c.expectedValue();
    a.maxLatencyMillis = c.maxLatency() == null ? null : c.maxLatency().toMillis();
    a.intervalSeconds = s.interval() == null ? null : s.interval().toSeconds();
    a.timeoutMillis = s.timeout() == null ? null : s.timeout().toMillis();
    a.labels = s.labels();
    a.registeredBy = actor;
    a.updatedAt = at;
  }

  private static ApiSpec withId(ApiSpec s, String id) {
    return new ApiSpec(
        id, s.name(), s.chainId(), s.url(), s.check(), s.interval(), s.timeout(), s.labels());
  }

  private static ProblemException notFound(String id) {
    return ProblemException.notFound("api", id);
  }
}
