package dev.vigil.alert.messaging.notify;

import dev.vigil.alert.domain.notify.AlertChange;
import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.CloudEventCodec;
import dev.vigil.platform.messaging.IncomingCloudEvent;
import dev.vigil.platform.messaging.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads an {@code AlertFired} or {@code AlertResolved} record of the alerts topic as an {@link
 * AlertChange}: the decoding the notifier and the breakers share. A record that can never apply
 * (missing CloudEvent headers, another type, bad JSON, no fingerprint or time) throws {@link
 * PoisonRecordException}, which the batch consumer dead-letters alone.
 */
@ApplicationScoped
public class AlertChangeDecoder {

  private static final Set<EventType> TYPES =
      Set.of(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);

  private final CloudEventCodec codec;

  public AlertChangeDecoder(CloudEventCodec codec) {
    this.codec = codec;
  }

  public AlertChange decode(Message<?> record) {
    IncomingCloudEvent ce = codec.read(record, TYPES);
    if (ce.type() == EventType.ALERT_FIRED) {
      AlertFired fired = codec.payload(ce, AlertFired.class);
      require(fired.fingerprint(), "fingerprint");
      require(fired.startsAt(), "startsAt");
      return AlertChange.fired(ce.id(), fired);
    }
    AlertResolved resolved = codec.payload(ce, AlertResolved.class);
    require(resolved.fingerprint(), "fingerprint");
    require(resolved.resolvedAt(), "resolvedAt");
    return AlertChange.resolved(ce.id(), resolved);
  }

  private static void require(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new PoisonRecordException(field + " missing");
    }
  }
}
