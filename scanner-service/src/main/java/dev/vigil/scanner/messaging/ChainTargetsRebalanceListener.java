package dev.vigil.scanner.messaging;

import dev.vigil.scanner.chain.OwnedProbes;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Moves chain and API ownership with partition ownership, like {@link TargetsRebalanceListener}
 * does for certificate targets: an assigned partition is read from its start (compacted: every live
 * definition once), a revoked one is forgotten.
 */
@ApplicationScoped
@Identifier(ChainTargetsRebalanceListener.NAME)
public class ChainTargetsRebalanceListener implements KafkaConsumerRebalanceListener {

  public static final String NAME = "chain-targets-rebalance";
  private static final Logger LOG = Logger.getLogger(ChainTargetsRebalanceListener.class);

  private final OwnedProbes owned;

  public ChainTargetsRebalanceListener(OwnedProbes owned) {
    this.owned = owned;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    LOG.infof("now owning chain-target partitions %s", partitions);
    consumer.seekToBeginning(partitions);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    LOG.infof("no longer owning chain-target partitions %s", partitions);
    owned.dropPartitions(partitions.stream().map(TopicPartition::partition).toList());
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    onPartitionsRevoked(consumer, partitions);
  }
}
