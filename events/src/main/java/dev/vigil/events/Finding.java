package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One thing a scan found wrong (or worth knowing).
 *
 * @param code stable machine-readable code, e.g. {@code EXPIRED}, {@code EXPIRING_SOON}, {@code
 *     HEAD_STALLED}; codes are never renamed
 * @param severity how urgent the finding is on its own
 * @param certificatePosition index into the scanned chain the finding is about (0 = leaf), or
 *     {@code null} when it is about the target as a whole
 * @param message one human sentence
 * @param evidence the figures behind the finding, e.g. {@code daysLeft=5}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String code,
    Severity severity,
    Integer certificatePosition,
    String message,
    Map<String, String> evidence) {

  public Finding {
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
  }
}
