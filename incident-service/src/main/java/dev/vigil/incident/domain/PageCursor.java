package dev.vigil.incident.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next page of a newest-first incident listing starts: after the incident opened at
 * {@code openedAt} with id {@code id}. Keyset pagination, so pages stay correct while incidents are
 * added, and deep pages cost the same as the first. Opaque to clients (URL-safe Base64).
 */
public record PageCursor(Instant openedAt, UUID id) {

  public String encode() {
    String raw = openedAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<PageCursor> decode(String value) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new PageCursor(
              Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static PageCursor after(Incident last) {
    return new PageCursor(last.openedAt(), last.id());
  }
}
