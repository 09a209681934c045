package dev.vigil.scanner.messaging;

import dev.vigil.scanner.service.OwnedTargets;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Moves target ownership with partition ownership: an assigned partition is read from its start
 * (the topic is compacted, so that is every live target once), a revoked one is forgotten.
 */
@ApplicationScoped
@Identifier(TargetsRebalanceListener.NAME)
public class TargetsRebalanceListener implements KafkaConsumerRebalanceListener {

  public static final String NAME = "scan-targets-rebalance";
  private static final Logger LOG = Logger.getLogger(TargetsRebalanceListener.class);

  private final OwnedTargets owned;

  public TargetsRebalanceListener(OwnedTargets owned) {
    this.owned = owned;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    LOG.infof("now owning target partitions %s", partitions);
    consumer.seekToBeginning(partitions);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    LOG.infof("no longer owning target partitions %s", partitions);
    owned.dropPartitions(partitions.stream().map(TopicPartition::partition).toList());
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    onPartitionsRevoked(consumer, partitions);
  }
}
