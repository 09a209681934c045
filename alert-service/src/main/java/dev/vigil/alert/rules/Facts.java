package dev.vigil.alert.rules;

import java.util.Map;
import java.util.Objects;

/**
 * One event as rules see it.
 *
 * @param source CloudEvent type: selects the rules
 * @param entityId the observed thing (target, provider, subject): alerts of an entity are
 *     reconciled together and the no-data clock runs per entity
 * @param variables CEL variables, as declared by the source's {@link EventSchema}
 * @param labels labels every alert about this entity carries (before the rule's own)
 */
public record Facts(
    String source, String entityId, Map<String, Object> variables, Map<String, String> labels) {

  public Facts {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entityId, "entityId");
    labels = Map.copyOf(labels);
  }
}
