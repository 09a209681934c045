package dev.vigil.incident.service;

import dev.vigil.incident.domain.escalation.Escalation;
import java.util.List;

/**
 * An incident's escalation as the REST API and the console show it.
 *
 * @param nextReceivers receivers of the step due next (empty unless pending)
 */
public record EscalationView(Escalation escalation, int steps, List<String> nextReceivers) {

  public EscalationView {
    nextReceivers = List.copyOf(nextReceivers);
  }
}
