package dev.vigil.platform.outbox;

import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.OutgoingEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows in id order and deletes them once the broker acknowledged them.
 * Rows are locked with {@code SKIP LOCKED}, so several replicas can relay without publishing the
 * same row twice at once; a crash between publish and delete republishes (at-least-once).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final EntityManager em;
  private final Instance<OutboxSink> sink;
  private final int batchSize;
  private final Duration sendTimeout;
  private final boolean enabled;
  private final AtomicBoolean queued = new AtomicBoolean();
  // One thread: batches go out in id order, so one key's events keep their order.
  private final ExecutorService relayThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
          });

  // Sends are started off the relay thread, outside its transaction (see relayBatch).
  private final ExecutorService sendThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-send");
            t.setDaemon(true);
            return t;
          });

  public OutboxRelay(
      EntityManager em,
      Instance<OutboxSink> sink,
      @ConfigProperty(name = "vigil.outbox.batch-size", defaultValue = "200") int batchSize,
      @ConfigProperty(name = "vigil.outbox.send-timeout", defaultValue = "PT10S")
          Duration sendTimeout,
      // Operational switch: with the relay off, events stay committed in the outbox table and are
      // published by the next process that starts with it on (maintenance of the broker, drills,
      // and the crash tests that need the window between commit and publish held open).
      @ConfigProperty(name = "vigil.outbox.relay.enabled", defaultValue = "true") boolean enabled) {
    this.em = em;
    this.sink = sink;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
    this.enabled = enabled;
    if (!enabled) {
      LOG.warn(
          "outbox relay disabled (vigil.outbox.relay.enabled=false): events stay in the outbox");
    }
  }

  /** Relays right after a transaction that wrote to the outbox commits. */
  void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    wake();
  }

  /** Safety net: rows left by a crash, a broker outage or another replica are picked up here. */
  @Scheduled(
      every = "${vigil.outbox.poll-interval:1s}",
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void poll() {
    wake();
  }

  /** Runs a relay pass on the relay thread unless one is already queued. */
  void wake() {
    if (enabled && sink.isResolvable() && queued.compareAndSet(false, true)) {
      relayThread.execute(
          () -> {
            queued.set(false);
            relay();
          });
    }
  }

  @PreDestroy
  void stop() {
    relayThread.shutdown();
    sendThread.shutdown();
  }

  private void relay() {
    try {
      while (QuarkusTransaction.requiringNew().call(this::relayBatch) == batchSize) {
        // a full batch means more are waiting: keep draining before the next tick
      }
    } catch (RuntimeException e) {
      // Broker or database unavailable: rows stay and are retried on the next tick.
      LOG.warnf("outbox relay paused: %s", e.toString());
    }
  }

  /** Publishes one batch inside the caller's transaction; returns how many rows it published. */
  private int relayBatch() {
    @SuppressWarnings("unchecked")
    List<OutboxRecord> batch =
        em.createNativeQuery(
                "select * from outbox_event order by id limit ?1 for update skip locked",
                OutboxRecord.class)
            .setParameter(1, batchSize)
            .getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    awaitSent(batch);
    for (OutboxRecord record : batch) {
      em.remove(record);
    }
    return batch.size();
  }

  /**
   * Sends the batch and waits for the broker's acks. The sends are made from a thread that has no
   * transaction: made from this one, Mutiny's context propagation would carry the transaction onto
   * Kafka's callback threads, and the commit would find it active on several threads (Narayana
   * warns and the rows stay, to be published again).
   */
  private void awaitSent(List<OutboxRecord> batch) {
    Future<?> sent =
        sendThread.submit(
            () -> {
              List<Uni<Void>> sends = batch.stream().map(this::publish).toList();
              Uni.join().all(sends).andFailFast().await().atMost(sendTimeout);
            });
    try {
      sent.get(sendTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("outbox send failed", e.getCause());
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw new IllegalStateException("outbox send not acknowledged within " + sendTimeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the outbox send", e);
    }
  }

  private Uni<Void> publish(OutboxRecord r) {
    EventType type =
        EventType.of(r.eventType)
            .orElseThrow(() -> new IllegalStateException("unknown event type " + r.eventType));
    return sink.get()
        .publish(
            r.channel,
            new OutgoingEvent(
                r.eventId, type, r.source, r.subject, r.occurredAt, r.recordKey, r.payload));
  }
}
