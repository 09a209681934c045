package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The current definition of a scan target, on the compacted targets topic keyed by {@code
 * targetId}. Published by scanner-service's REST API and by any other system that wants a target
 * watched; a later record with the same key replaces it, and a tombstone (null value) removes it.
 * Scanner replicas share the targets by the topic's partitions.
 *
 * @param targetId stable id of the target; the record key
 * @param kind {@code TLS_ENDPOINT}
 * @param host host name or IP literal to connect to
 * @param port TCP port
 * @param serverName name to send as SNI and to verify, when it differs from {@code host}
 * @param labels labels carried into every scan event
 * @param intervalSeconds scan interval of this target; {@code null} means the scanner's default
 * @param starttls plain-text protocol to upgrade to TLS first: {@code SMTP}, {@code IMAP}, {@code
 *     POP3}, {@code FTP}, {@code LDAP} or {@code POSTGRES}; {@code null} or {@code NONE} for direct
 *     TLS
 * @param allAddresses scan every address the host resolves to; {@code null} means false
 * @param registeredAt when this definition was made
 * @param registeredBy who made it: a user name or a system's name
 * @param warningDays this target's EXPIRING_SOON warning threshold in days; {@code null} means the
 *     label rules' or the scanner's default
 * @param criticalDays this target's critical threshold in days; {@code null} as above
 * @param lifetimePercent warn once this share of a certificate's lifetime has passed; {@code null}
 *     as above
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanTargetRegistered(
    String targetId,
    String kind,
    String host,
    Integer port,
    String serverName,
    Map<String, String> labels,
    Long intervalSeconds,
    String starttls,
    Boolean allAddresses,
    Instant registeredAt,
    String registeredBy,
    Integer warningDays,
    Integer criticalDays,
    Integer lifetimePercent) {

  public ScanTargetRegistered {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** A definition without expiry thresholds of its own. */
  public ScanTargetRegistered(
      String targetId,
      String kind,
      String host,
      Integer port,
      String serverName,
      Map<String, String> labels,
      Long intervalSeconds,
      String starttls,
      Boolean allAddresses,
      Instant registeredAt,
      String registeredBy) {
    this(
        targetId,
        kind,
        host,
        port,
        serverName,
        labels,
        intervalSeconds,
        starttls,
        allAddresses,
        registeredAt,
        registeredBy,
        null,
        null,
        null);
  }
}
