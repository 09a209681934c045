package dev.vigil.platform.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A CloudEvent a consumer has already applied. Table created by each service's migration. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

  @EmbeddedId public Key key;

  @Column(name = "processed_at", nullable = false)
  public Instant processedAt;

  /** Consumer name plus CloudEvent id. */
  @Embeddable
  public record Key(
      @Column(name = "consumer", nullable = false) String consumer,
      @Column(name = "event_id", nullable = false) String eventId)
      implements Serializable {}
}
