package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.publish.PublicStatus;
import dev.vigil.incident.domain.publish.PublicUpdate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "public_update")
public class PublicUpdateEntity {

  @Id public UUID id;

  @Column(name = "incident_id", nullable = false)
  public UUID incidentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PublicStatus status;

  public String title;

  @Column(nullable = false)
  public String body;

  @Column(nullable = false)
  public String author;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_by")
  public String publishedBy;

  @Column(name = "published_at")
  public Instant publishedAt;

  void copyFrom(PublicUpdate u) {
    id = u.id();
    incidentId = u.incidentId();
    status = u.status();
    title = u.title();
    body = u.body();
    author = u.author();
    createdAt = u.createdAt();
    publishedBy = u.publishedBy();
    publishedAt = u.publishedAt();
  }

  PublicUpdate toDomain() {
    return new PublicUpdate(
        id, incidentId, status, title, body, author, createdAt, publishedBy, publishedAt);
  }
}
