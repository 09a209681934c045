package dev.vigil.scanner.messaging;

import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.EventType;
import dev.vigil.events.ProviderRankingChanged;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.OutgoingEvent;
import dev.vigil.scanner.config.ChainConfig;
import dev.vigil.scanner.config.ScannerConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes observations (keyed by provider) and ranking changes (keyed by chain) and waits for the
 * broker's acknowledgement; a failure is thrown to the caller, which counts and logs it.
 */
@ApplicationScoped
public class ChainEventPublisher {

  private final MutinyEmitter<String> health;
  private final MutinyEmitter<String> rankings;
  private final CloudEventCodec codec;
  private final String source;
  private final Duration ackTimeout;

  public ChainEventPublisher(
      @Channel(Channels.CHAIN_HEALTH) MutinyEmitter<String> health,
      @Channel(Channels.PROVIDER_RANKINGS) MutinyEmitter<String> rankings,
      CloudEventCodec codec,
      @ConfigProperty(name = "vigil.events.source") String source,
      ScannerConfig scanner,
      ChainConfig config) {
    this.health = health;
    this.rankings = rankings;
    this.codec = codec;
    this.source = source + "/" + scanner.instanceId();
    this.ackTimeout = config.publishTimeout();
  }

  public void observed(ChainHealthObserved event) {
    OutgoingEvent out =
        new OutgoingEvent(
            event.observationId(),
            EventType.CHAIN_HEALTH_OBSERVED,
            source,
            event.providerId(),
            event.observedAt(),
            event.providerId(),
            codec.toJson(event));
    health.sendMessage(codec.toMessage(out)).await().atMost(ackTimeout);
  }

  public void rankingChanged(ProviderRankingChanged event) {
    OutgoingEvent out =
        new OutgoingEvent(
            UUID.randomUUID().toString(),
            EventType.PROVIDER_RANKING_CHANGED,
            source,
            event.chainId(),
            event.changedAt(),
            event.chainId(),
            codec.toJson(event));
    rankings.sendMessage(codec.toMessage(out)).await().atMost(ackTimeout);
  }
}
