package dev.vigil.incident.domain.publish;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A responder's words to customers about an incident. A draft ({@code publishedAt} null) is visible
 * to operators only.
 *
 * @param title replaces the incident's public name when set (the latest published title wins)
 */
public record PublicUpdate(
    UUID id,
    UUID incidentId,
    PublicStatus status,
    String title,
    String body,
    String author,
    Instant createdAt,
    String publishedBy,
    Instant publishedAt) {

  public PublicUpdate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean published() {
    return publishedAt != null;
  }

  public PublicUpdate publish(String by, Instant at) {
    if (published()) {
      throw new IllegalStateException("update " + id + " is already published");
    }
    return new PublicUpdate(id, incidentId, status, title, body, author, createdAt, by, at);
  }
}
