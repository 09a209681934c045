package dev.vigil.platform.messaging;

import dev.vigil.platform.failure.TransientFailures;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The shape of a batch consumer ({@code @Incoming} of a {@link KafkaRecordBatch}, one transaction
 * per poll), written once:
 *
 * <ol>
 *   <li>every record is decoded; one that cannot be ({@link PoisonRecordException}, bad JSON, a
 *       failed check) is nacked on its own, which the channel's {@code failure-strategy=
 *       dead-letter-queue} turns into a record on its dead-letter topic with {@code
 *       dead-letter-reason} (and {@code -cause}, {@code -topic}, {@code -partition}, {@code
 *       -offset}) headers;
 *   <li>the decoded rest is applied in one call (the caller's transaction), retrying transient
 *       failures with back-off;
 *   <li>if that fails, the items are applied one at a time, so the one that breaks the batch is
 *       dead-lettered alone and the others are applied. The replays share the retry budget, so a
 *       long outage ends in the dead-letter topic after {@code maxDuration}, not after one budget
 *       per record;
 *   <li>the batch is acknowledged (its offsets committed) only after all of that.
 * </ol>
 *
 * <p>Delivery is at-least-once: a crash before the acknowledgement redelivers the whole batch, so
 * {@code apply} must be idempotent (the platform {@code Inbox}). Replaying one by one after a
 * failed batch is safe for the same reason: the failed transaction committed nothing.
 */
public final class BatchConsumption {

  private static final Logger LOG = Logger.getLogger(BatchConsumption.class);

  /** Retry of transient failures: first delay, then doubling, for at most {@code maxDuration}. */
  public record Retry(Duration firstDelay, Duration maxDuration) {
    /** What single-record consumers use: 200 ms, then back-off for up to a minute. */
    public static final Retry DEFAULT = new Retry(Duration.ofMillis(200), Duration.ofSeconds(60));
  }

  private BatchConsumption() {}

  /**
   * Consumes one Kafka poll.
   *
   * @param what names the records in log lines ("certificate scan")
   * @param decode record to item; throws for a record that can never be applied
   * @param apply applies items in one transaction; called with the whole batch, then (on failure)
   *     with one item at a time
   */
  public static <K, V, T> CompletionStage<Void> consume(
      String what,
      KafkaRecordBatch<K, V> batch,
      Function<KafkaRecord<K, V>, T> decode,
      Consumer<List<T>> apply,
      Retry retry) {
    return consume(what, batch.getRecords(), decode, apply, retry, batch::ack);
  }

  /**
   * {@link #consume(String, KafkaRecordBatch, Function, Consumer, Retry)} for an {@code apply} that
   * leaves work to do after its commit (sending what the transaction claimed, waking a timer):
   * {@code afterCommit} gets the result of every {@code apply} call that succeeded (one for a clean
   * batch, one per item after a replay). A failure in it is logged and does not nack anything: the
   * items are committed.
   */
  public static <K, V, T, R> CompletionStage<Void> consume(
      String what,
      KafkaRecordBatch<K, V> batch,
      Function<KafkaRecord<K, V>, T> decode,
      Function<List<T>, R> apply,
      Consumer<R> afterCommit,
      Retry retry) {
    return consume(what, batch.getRecords(), decode, apply, afterCommit, retry, batch::ack);
  }

  /** {@link #consume(String, KafkaRecordBatch, Function, Consumer, Retry)} on plain messages. */
  static <R extends Message<?>, T> CompletionStage<Void> consume(
      String what,
      List<R> records,
      Function<R, T> decode,
      Consumer<List<T>> apply,
      Retry retry,
      Supplier<CompletionStage<Void>> ackAll) {
    return consume(
        what,
        records,
        decode,
        items -> {
          apply.accept(items);
          return null;
        },
        result -> {},
        retry,
        ackAll);
  }

  /**
   * {@link #consume(String, KafkaRecordBatch, Function, Function, Consumer, Retry)} on plain
   * messages.
   */
  static <R extends Message<?>, T, O> CompletionStage<Void> consume(
      String what,
      List<R> records,
      Function<R, T> decode,
      Function<List<T>, O> apply,
      Consumer<O> afterCommit,
      Retry retry,
      Supplier<CompletionStage<Void>> ackAll) {
    List<R> sources = new ArrayList<>(records.size());
    List<T> items = new ArrayList<>(records.size());
    List<CompletableFuture<Void>> rejected = new ArrayList<>();
    for (R record : records) {
      try {
        items.add(decode.apply(record));
        sources.add(record);
      } catch (RuntimeException e) {
        rejected.add(reject(what, record, e));
      }
    }
    long deadline = System.nanoTime() + retry.maxDuration().toNanos();
    if (!items.isEmpty()) {
      O result = null;
      boolean applied = false;
      try {
        result =
            TransientFailures.retry(
                () -> apply.apply(items), retry.firstDelay(), retry.maxDuration());
        applied = true;
      } catch (RuntimeException batchFailure) {
        LOG.warnf(
            "%s batch of %d failed (%s); applying its records one by one",
            what, items.size(), batchFailure.getMessage());
        for (int i = 0; i < items.size(); i++) {
          List<T> one = List.of(items.get(i));
          Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
          O oneResult;
          try {
            oneResult = TransientFailures.retry(() -> apply.apply(one), retry.firstDelay(), left);
          } catch (RuntimeException e) {
            rejected.add(reject(what, sources.get(i), e));
            continue;
          }
          afterCommit(what, afterCommit, oneResult);
        }
      }
      if (applied) {
        afterCommit(what, afterCommit, result);
      }
    }
    return CompletableFuture.allOf(rejected.toArray(CompletableFuture[]::new))
        .thenCompose(x -> ackAll.get());
  }

  private static <O> void afterCommit(String what, Consumer<O> afterCommit, O result) {
    try {
      afterCommit.accept(result);
    } catch (RuntimeException e) {
      LOG.warnf("%s: work after the commit failed: %s", what, e.getMessage());
    }
  }

  private static CompletableFuture<Void> reject(String what, Message<?> record, Throwable e) {
    LOG.warnf("%s rejected: %s", what, e.getMessage());
    return record.nack(e).toCompletableFuture();
  }
}
