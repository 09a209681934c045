package dev.vigil.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class BatchConsumptionTest {

  private static final BatchConsumption.Retry FAST =
      new BatchConsumption.Retry(Duration.ofMillis(1), Duration.ofMillis(500));

  /** Records every nack (with its reason) and whether the batch was acknowledged. */
  private final Map<String, String> nacked = new LinkedHashMap<>();

  private final AtomicInteger batchAcks = new AtomicInteger();
  private final List<List<Integer>> applied = new ArrayList<>();

  private Message<String> record(String payload) {
    return Message.of(
        payload,
        () -> CompletableFuture.completedFuture(null),
        e -> {
          nacked.put(payload, e.getMessage());
          return CompletableFuture.completedFuture(null);
        });
  }

  private CompletionStage<Void> ackBatch() {
    batchAcks.incrementAndGet();
    return CompletableFuture.completedFuture(null);
  }

  private static Integer decode(Message<String> m) {
    try {
      return Integer.valueOf(m.getPayload());
    } catch (NumberFormatException e) {
      throw new PoisonRecordException("not a number: " + m.getPayload());
    }
  }

  private void consume(List<String> payloads, Consumer<List<Integer>> apply) {
    List<Message<String>> records = payloads.stream().map(this::record).toList();
    BatchConsumption.consume(
            "number",
            records,
            BatchConsumptionTest::decode,
            items -> {
              apply.accept(items);
              applied.add(List.copyOf(items));
            },
            FAST,
            this::ackBatch)
        .toCompletableFuture()
        .join();
  }

  @Test
  void aCleanBatchIsAppliedOnceAsAWholeAndAcknowledged() {
    consume(List.of("1", "2", "3"), items -> {});

    assertThat(applied).containsExactly(List.of(1, 2, 3));
    assertThat(nacked).isEmpty();
    assertThat(batchAcks).hasValue(1);
  }

  @Test
  void aMalformedRecordIsDeadLetteredAloneWithItsReasonAndTheRestIsApplied() {
    consume(List.of("1", "x", "3"), items -> {});

    assertThat(nacked).containsExactly(Map.entry("x", "not a number: x"));
    assertThat(applied).containsExactly(List.of(1, 3));
    assertThat(batchAcks).hasValue(1);
  }

  @Test
  void aBatchOfOnlyMalformedRecordsAppliesNothing() {
    consume(List.of("x", "y"), items -> {});

    assertThat(nacked).containsOnlyKeys("x", "y");
    assertThat(applied).isEmpty();
    assertThat(batchAcks).hasValue(1);
  }

  @Test
  void aRecordThatBreaksTheBatchIsReplayedAloneAndOnlyItIsDeadLettered() {
    consume(
        List.of("1", "13", "3"),
        items -> {
          if (items.contains(13)) {
            throw new IllegalStateException("13 violates a constraint");
          }
        });

    assertThat(applied).containsExactly(List.of(1), List.of(3));
    assertThat(nacked).containsExactly(Map.entry("13", "13 violates a constraint"));
    assertThat(batchAcks).hasValue(1);
  }

  @Test
  void aTransientFailureIsRetriedAndTheBatchStaysWhole() {
    AtomicInteger attempts = new AtomicInteger();
    consume(
        List.of("1", "2"),
        items -> {
          if (attempts.incrementAndGet() < 3) {
            throw new IllegalStateException(new SQLTransientConnectionException("database away"));
          }
        });

    assertThat(attempts).hasValue(3);
    assertThat(applied).containsExactly(List.of(1, 2));
    assertThat(nacked).isEmpty();
  }

  @Test
  void anOutageLongerThanTheRetryBudgetDeadLettersEveryRecordInsteadOfLosingIt() {
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    consume(
        List.of("1", "2", "3"),
        items -> {
          attempts.incrementAndGet();
          throw new IllegalStateException(new SQLTransientConnectionException("database away"));
        });

    assertThat(nacked).containsOnlyKeys("1", "2", "3");
    assertThat(applied).isEmpty();
    assertThat(batchAcks).hasValue(1);
    // The replays share the 500 ms budget; one budget per record would take 2 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    assertThat(attempts.get()).isGreaterThan(3);
  }

  /** Consumes with an {@code apply} that sums its items and work after the commit. */
  private void consumeSums(
      List<String> payloads, Consumer<List<Integer>> check, Consumer<Integer> afterCommit) {
    BatchConsumption.consume(
            "number",
            payloads.stream().map(this::record).toList(),
            BatchConsumptionTest::decode,
            (List<Integer> items) -> {
              check.accept(items);
              return items.stream().mapToInt(Integer::intValue).sum();
            },
            afterCommit,
            FAST,
            this::ackBatch)
        .toCompletableFuture()
        .join();
  }

  @Test
  void workAfterTheCommitGetsTheResultOfEveryAppliedCallAndItsFailureNacksNothing() {
    List<Integer> afterCommit = new ArrayList<>();
    consumeSums(
        List.of("1", "13", "3"),
        items -> {
          if (items.contains(13)) {
            throw new IllegalStateException("13 violates a constraint");
          }
        },
        sum -> {
          afterCommit.add(sum);
          throw new IllegalStateException("receiver away");
        });

    // The batch failed, so each applied replay reports its own result; 13 reports nothing.
    assertThat(afterCommit).containsExactly(1, 3);
    assertThat(nacked).containsExactly(Map.entry("13", "13 violates a constraint"));
    assertThat(batchAcks).hasValue(1);
  }

  @Test
  void aCleanBatchReportsOneResultAfterItsCommit() {
    List<Integer> afterCommit = new ArrayList<>();
    consumeSums(List.of("1", "2"), items -> {}, afterCommit::add);

    assertThat(afterCommit).containsExactly(3);
    assertThat(nacked).isEmpty();
    assertThat(batchAcks).hasValue(1);
  }
}
