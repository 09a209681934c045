package dev.vigil.scanner.chain;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.chain.ChainViews.ChainView;
import dev.vigil.scanner.chain.ChainViews.ProviderView;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import dev.vigil.scanner.messaging.ChainTargetPublisher;
import dev.vigil.scanner.persistence.ChainEntity;
import dev.vigil.scanner.persistence.ChainProviderEntity;
import dev.vigil.scanner.persistence.ChainProviderRepository;
import dev.vigil.scanner.persistence.ChainRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chains and their providers, changed over REST. Every change stores the rows and publishes the
 * whole chain to the chain-targets topic in the same transaction: the chain row is locked first, so
 * concurrent changes to one chain publish in commit order, and if the broker does not acknowledge,
 * nothing is stored.
 */
@ApplicationScoped
public class ChainRegistry {

  private final ChainRepository chains;
  private final ChainProviderRepository providers;
  private final ChainTargetPublisher publisher;
  private final LatestStatusStore statuses;
  private final AddressPolicy policy;
  private final Clock clock;

  public ChainRegistry(
      ChainRepository chains,
      ChainProviderRepository providers,
      ChainTargetPublisher publisher,
      LatestStatusStore statuses,
      AddressPolicy policy,
      Clock clock) {
    this.chains = chains;
    this.providers = providers;
    this.publisher = publisher;
    this.statuses = statuses;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * A provider as submitted. {@code url} and {@code headers} may be {@code null} on a replace: then
   * the stored ones are kept, since the API never shows them and a client cannot send them back.
   */
  public record ProviderInput(ProviderSpec spec, boolean urlGiven, boolean headersGiven) {}

  @Transactional
  public ChainView create(ChainSpec spec, String actor) {
    Problems.requireValid("Invalid chain", spec.violations());
    if (chains.findByIdOptional(spec.id()).isPresent()) {
      throw Problems.conflict("chain", spec.id());
    }
    Instant now = clock.instant();
    ChainEntity c = new ChainEntity();
    c.id = spec.id();
    c.createdAt = now;
    ChainTargetsApplier.applyChain(c, spec, actor, now);
    chains.persist(c);
    publish(c);
    return ChainView.of(c, 0);
  }

  @Transactional
  public ChainView replace(String id, ChainSpec spec, String actor) {
    ChainEntity c = locked(id);
    Problems.requireValid("Invalid chain", spec.violations());
    ChainTargetsApplier.applyChain(c, spec, actor, clock.instant());
    publish(c);
    return ChainView.of(c, providers.countOfChain(id));
  }

  @Transactional
  public List<ChainView> list() {
    return chains.listByCreation().stream()
        .map(c -> ChainView.of(c, providers.countOfChain(c.id)))
        .toList();
  }

  @Transactional
  public ChainView get(String id) {
    ChainEntity c = chains.findByIdOptional(id).orElseThrow(() -> notFound(id));
    return ChainView.of(c, providers.countOfChain(id));
  }

  @Transactional
  public void delete(String id) {
    locked(id);
    providers.delete("chainId", id);
    chains.deleteById(id);
    chains.flush();
    publisher.chainRemoved(id);
  }

  @Transactional
  public ProviderView addProvider(String chainId, ProviderInput input, String actor) {
    ChainEntity c = locked(chainId);
    ProviderSpec spec = withId(input.spec(), chainId);
    Problems.requireValid("Invalid provider", spec.violations(policy));
    if (providers.findByIdOptional(spec.id()).isPresent()) {
      throw Problems.conflict("provider", spec.id());
    }
    Instant now = clock.instant();
    ChainProviderEntity p = new ChainProviderEntity();
    p.id = spec.id();
    p.createdAt = now;
    ChainTargetsApplier.applyProvider(p, spec, now);
    providers.persist(p);
    touch(c, actor, now);
    return ProviderView.of(c, p, null);
  }

  @Transactional
  public ProviderView replaceProvider(
      String chainId, String providerId, ProviderInput input, String actor) {
    ChainEntity c = locked(chainId);
    ChainProviderEntity p = provider(chainId, providerId);
    ProviderSpec given = input.spec();
    ProviderSpec spec =
        new ProviderSpec(
            providerId,
            chainId,
            given.name(),
            given.family(),
            input.urlGiven() ? given.url() : p.url,
            input.headersGiven() ? given.headers() : p.headers,
            given.interval(),
            given.timeout(),
            given.thresholds(),
            given.labels());
    List<FieldViolation> violations = new ArrayList<>(spec.violations(policy));
    if (given.id() != null && !given.id().equals(providerId)) {
      violations.add(new FieldViolation("id", "must match the path"));
    }
    Problems.requireValid("Invalid provider", violations);
    Instant now = clock.instant();
    ChainTargetsApplier.applyProvider(p, spec, now);
    touch(c, actor, now);
    return ProviderView.of(c, p, statuses.latest(LatestStatusStore.PROVIDER, p.id).orElse(null));
  }

  @Transactional
  public List<ProviderView> providers(String chainId) {
    ChainEntity c = chains.findByIdOptional(chainId).orElseThrow(() -> notFound(chainId));
    Map<String, dev.vigil.events.ChainHealthObserved> latest =
        statuses.latestOfChain(chainId, LatestStatusStore.PROVIDER);
    return providers.ofChain(chainId).stream()
        .map(p -> ProviderView.of(c, p, latest.get(p.id)))
        .toList();
  }

  @Transactional
  public ProviderView provider(String chainId, String providerId, boolean withStatus) {
    ChainEntity c = chains.findByIdOptional(chainId).orElseThrow(() -> notFound(chainId));
    ChainProviderEntity p = provider(chainId, providerId);
    return ProviderView.of(
        c, p, withStatus ? statuses.latest(LatestStatusStore.PROVIDER, p.id).orElse(null) : null);
  }

  @Transactional
  public void deleteProvider(String chainId, String providerId, String actor) {
    ChainEntity c = locked(chainId);
    providers.delete(provider(chainId, providerId));
    touch(c, actor, clock.instant());
  }

  private void touch(ChainEntity c, String actor, Instant now) {
    c.registeredBy = actor;
    c.updatedAt = now;
    publish(c);
  }

  /** Flushes first, so the snapshot holds this transaction's changes and the consumer waits. */
  private void publish(ChainEntity c) {
    chains.flush();
    publisher.chain(ChainDefinitions.event(c, providers.ofChain(c.id)));
  }

  private ChainEntity locked(String id) {
    return chains.findForUpdate(id).orElseThrow(() -> notFound(id));
  }

  private ChainProviderEntity provider(String chainId, String providerId) {
    return providers
        .findByIdOptional(providerId)
        .filter(p -> p.chainId.equals(chainId))
        .orElseThrow(() -> ProblemException.notFound("provider", providerId));
  }

  private static ProviderSpec withId(ProviderSpec s, String chainId) {
    String id = s.id() == null ? UUID.randomUUID().toString() : s.id();
    return new ProviderSpec(
        id,
        chainId,
        s.name(),
        s.family(),
        s.url(),
        s.headers(),
        s.interval(),
        s.timeout(),
        s.thresholds(),
        s.labels());
  }

  private static ProblemException notFound(String chainId) {
    return ProblemException.notFound("chain", chainId);
  }
}
