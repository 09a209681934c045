package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.List;

/**
 * The post-incident review: what customers felt, why it happened, and what will change.
 *
 * @param impact what was affected and how badly, in words
 * @param rootCause why it happened
 * @param followUps actions to prevent a repeat
 * @param updatedBy who last changed it
 * @param updatedAt when
 */
public record Postmortem(
    String impact, String rootCause, List<String> followUps, String updatedBy, Instant updatedAt) {

  public Postmortem {
    followUps = followUps == null ? List.of() : List.copyOf(followUps);
  }
}
