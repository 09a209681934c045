package dev.vigil.scanner.chain;

import dev.vigil.events.ApiRegistered;
import dev.vigil.events.ChainRegistered;
import dev.vigil.events.ProviderDefinition;
import dev.vigil.platform.messaging.PoisonRecordException;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.FieldViolation;
import dev.vigil.scanner.domain.chain.ApiSpec;
import dev.vigil.scanner.domain.chain.ChainSpec;
import dev.vigil.scanner.domain.chain.ProviderSpec;
import dev.vigil.scanner.messaging.ChainTargetPublisher;
import dev.vigil.scanner.persistence.ChainApiEntity;
import dev.vigil.scanner.persistence.ChainApiRepository;
import dev.vigil.scanner.persistence.ChainEntity;
import dev.vigil.scanner.persistence.ChainProviderEntity;
import dev.vigil.scanner.persistence.ChainProviderRepository;
import dev.vigil.scanner.persistence.ChainRepository;
import dev.vigil.scanner.persistence.ProbeStatusRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies definitions read from this replica's share of the chain-targets topic: validates them
 * with the REST API's rules (other systems write here too), stores them for the API on every
 * replica, and makes them this replica's to probe.
 */
@ApplicationScoped
public class ChainTargetsApplier {

  private final ChainRepository chains;
  private final ChainProviderRepository providers;
  private final ChainApiRepository apis;
  private final ProbeStatusRepository statuses;
  private final OwnedProbes owned;
  private final AddressPolicy policy;

  public ChainTargetsApplier(
      ChainRepository chains,
      ChainProviderRepository providers,
      ChainApiRepository apis,
      ProbeStatusRepository statuses,
      OwnedProbes owned,
      AddressPolicy policy) {
    this.chains = chains;
    this.providers = providers;
    this.apis = apis;
    this.statuses = statuses;
    this.owned = owned;
    this.policy = policy;
  }

  @Transactional
  public void chainOnTopic(ChainRegistered event, int partition, boolean store) {
    ChainSpec chain =
        ChainDefinitions.spec(event, ChainDefinitions.family(event.family()).orElse(null));
    List<String> errors = new ArrayList<>(messages("", chain.violations()));
    List<ProviderSpec> specs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < event.providers().size(); i++) {
      ProviderDefinition p = event.providers().get(i);
      ProviderSpec spec =
          ChainDefinitions.spec(
              event.chainId(), p, ChainDefinitions.family(p.family()).orElse(null));
      errors.addAll(messages("providers[" + i + "].", spec.violations(policy)));
      if (!ids.add(p.providerId())) {
        errors.add("providers[" + i + "].id is used twice");
      }
      specs.add(spec);
    }
    if (event.registeredBy() == null || event.registeredAt() == null) {
      errors.add("registeredAt and registeredBy are required");
    }
    if (!errors.isEmpty()) {
      throw new PoisonRecordException(
          "invalid chain " + event.chainId() + ": " + String.join("; ", errors));
    }
    if (store) {
      store(event, chain, specs);
    }
    owned.upsertChain(chain, specs, partition);
  }

  @Transactional
  public void apiOnTopic(ApiRegistered event, int partition, boolean store) {
    ApiSpec api = ChainDefinitions.spec(event);
    List<String> errors = new ArrayList<>(messages("", api.violations(policy)));
    if (event.registeredBy() == null || event.registeredAt() == null) {
      errors.add("registeredAt and registeredBy are required");
    }
    if (!errors.isEmpty()) {
      throw new PoisonRecordException(
          "invalid api " + event.apiId() + ": " + String.join("; ", errors));
    }
    if (store) {
      storeApi(event);
    }
    owned.upsertApi(api, partition);
  }

  private void storeApi(ApiRegistered event) {
    ChainApiEntity entity = apis.findById(event.apiId());
    if (entity == null) {
      entity = new ChainApiEntity();
      entity.id = event.apiId();
      entity.createdAt = event.registeredAt();
      apply(entity, event);
      apis.persist(entity);
    } else {
      apply(entity, event);
    }
  }

  /** A tombstone: {@code chain:<id>} or {@code api:<id>}. */
  @Transactional
  public void removed(String key) {
    if (key.startsWith(ChainTargetPublisher.CHAIN_KEY_PREFIX)) {
      String chainId = key.substring(ChainTargetPublisher.CHAIN_KEY_PREFIX.length());
      providers.delete("chainId", chainId);
      chains.deleteById(chainId);
      statuses.deleteChain(chainId);
      owned.removeChain(chainId);
    } else if (key.startsWith(ChainTargetPublisher.API_KEY_PREFIX)) {
      String apiId = key.substring(ChainTargetPublisher.API_KEY_PREFIX.length());
      apis.deleteById(apiId);
      statuses.deleteOf(LatestStatusStore.API, apiId);
      owned.removeApi(apiId);
    } else {
      throw new PoisonRecordException("tombstone key must start with chain: or api:");
    }
  }

  /**
   * Writes the chain and its providers. The chain row is locked first, so this waits for a REST
   * transaction on the same chain instead of interleaving with it.
   */
  private void store(ChainRegistered event, ChainSpec chain, List<ProviderSpec> specs) {
    Instant at = event.registeredAt();
    ChainEntity c = chains.findForUpdate(chain.id()).orElse(null);
    if (c == null) {
      c = new ChainEntity();
      c.id = chain.id();
      c.createdAt = at;
      applyChain(c, chain, event.registeredBy(), at);
      chains.persist(c);
      chains.flush();
    } else {
      applyChain(c, chain, event.registeredBy(), at);
    }
    providers.deleteOthers(chain.id(), specs.stream().map(ProviderSpec::id).toList());
    for (ProviderSpec spec : specs) {
      ChainProviderEntity p = providers.findById(spec.id());
      if (p == null) {
        p = new ChainProviderEntity();
        p.id = spec.id();
        p.createdAt = at;
        applyProvider(p, spec, at);
        providers.persist(p);
      } else {
        applyProvider(p, spec, at);
      }
    }
  }

  static void applyChain(ChainEntity c, ChainSpec s, String actor, Instant at) {
    c.name = s.name();
    c.family = s.family().name();
    c.expectedChainId = s.expectedChainId();
    c.blockTimeMillis = s.blockTime().toMillis();
    c.labels = s.labels();
    c.thresholds = ChainDefinitions.columns(s.thresholds());
    c.registeredBy = actor;
    c.updatedAt = at;
  }

  static void applyProvider(ChainProviderEntity p, ProviderSpec s, Instant at) {
    p.chainId = s.chainId();
    p.name = s.name();
    p.family = s.family().name();
    p.url = s.url();
    p.headers = s.headers();
    p.intervalSeconds = s.interval() == null ? null : s.interval().toSeconds();
    p.timeoutMillis = s.timeout() == null ? null : s.timeout().toMillis();
    p.thresholds = ChainDefinitions.columns(s.thresholds());
    p.labels = s.labels();
    p.updatedAt = at;
  }

  private static void apply(ChainApiEntity a, ApiRegistered e) {
    a.name = e.name();
    a.chainId = e.chainId();
    a.url = e.url();
    a.method = e.method().toUpperCase(java.util.Locale.ROOT);
    a.body = e.body();
    a.headers = e.headers();
    a.expectedStatus = e.expectedStatus();
    a.jsonPath = e.jsonPath();
    a.expectedValue = e.expectedValue();
    a.maxLatencyMillis = e.maxLatencyMillis();
    a.intervalSeconds = e.intervalSeconds();
    a.timeoutMillis = e.timeoutMillis();
    a.labels = e.labels();
    a.registeredBy = e.registeredBy();
    a.updatedAt = e.registeredAt();
  }

  private static List<String> messages(String prefix, List<FieldViolation> violations) {
    return violations.stream()
        .map(v -> prefix + v.field() + " " + v.message())
        .collect(Collectors.toList());
  }
}
