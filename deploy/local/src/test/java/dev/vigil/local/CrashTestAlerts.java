package dev.vigil.local;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** {@code AlertFired} events the crash tests publish on {@code vigil.alerts}, as rules would. */
final class CrashTestAlerts {

  private CrashTestAlerts() {}

  /**
   * A firing alert keyed by its fingerprint, labelled {@code alertname} and {@code seq}, from
   * {@code /vigil/crash-test}.
   */
  static ProducerRecord<String, String> fired(
      String fingerprint, String alertName, String severity, String seq, Instant now) {
    String json =
        """
        {"fingerprint":"%s","alertName":"%s","severity":"%s",
         "labels":{"alertname":"%s","seq":"%s"},"annotations":{},
         "groupKey":"g","startsAt":"%s","firedAt":"%s"}
        """
            .formatted(fingerprint, alertName, severity, alertName, seq, now, now);
    return KafkaClients.cloudEvent(
        "vigil.alerts",
        fingerprint,
        json,
        UUID.randomUUID().toString(),
        "dev.vigil.alert.fired.v1",
        "/vigil/crash-test",
        now);
  }
}
