package dev.vigil.alert.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.vigil.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a rule over one CloudEvent type may use, with their CEL types. Rules are
 * type-checked against this when loaded, so a misspelt field fails the file, not the evaluation.
 * Vigil's own events get one typed variable per field; any other CloudEvent type gets its envelope
 * attributes and {@code data} as a dynamic map (its fields cannot be checked).
 *
 * <p>Absent numbers are CEL {@code null} ({@code daysLeft != null}); comparing {@code null} with a
 * number is an evaluation error, which the engine treats as "no data" for that rule. Absent strings
 * are {@code ""}.
 *
 * @param type CloudEvent type
 * @param variables name to CEL type
 * @param defaultGuard the guard of rules that set none
 */
public record EventSchema(String type, Map<String, CelType> variables, String defaultGuard) {

  static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
  static final CelType DYN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
  static final CelType FINDINGS = ListType.create(DYN_MAP);
  static final CelType STRINGS = ListType.create(SimpleType.STRING);
  static final CelType N_INT = NullableType.create(SimpleType.INT);
  static final CelType N_DOUBLE = NullableType.create(SimpleType.DOUBLE);
  static final CelType N_BOOL = NullableType.create(SimpleType.BOOL);

  /** The variable {@code for_each: finding} binds: one element of {@code findings}. */
  public static final String FINDING = "finding";

  public static final EventSchema CERTIFICATE =
      new EventSchema(
          EventType.CERTIFICATE_SCANNED.type(),
          vars(
              "scanId", SimpleType.STRING,
              "targetId", SimpleType.STRING,
              "kind", SimpleType.STRING,
              "host", SimpleType.STRING,
              "port", N_INT,
              "serverName", SimpleType.STRING,
              "location", SimpleType.STRING,
              "labels", STRING_MAP,
              "scannedAt", SimpleType.STRING,
              "outcome", SimpleType.STRING,
              "unreachableReason", SimpleType.STRING,
              "detail", SimpleType.STRING,
              "protocol", SimpleType.STRING,
              "earliestNotAfter", SimpleType.STRING,
              "daysLeft", N_INT,
              "expiry", SimpleType.STRING,
              "earliestCertificate", SimpleType.STRING,
              "findings", FINDINGS,
              "findingCodes", STRINGS,
              "chain", FINDINGS,
              "acceptedProtocols", STRINGS),
          "outcome == 'COMPLETED'");

  public static final EventSchema CHAIN =
      new EventSchema(
          EventType.CHAIN_HEALTH_OBSERVED.type(),
          vars(
              "observationId", SimpleType.STRING,
              "chainId", SimpleType.STRING,
              "providerId", SimpleType.STRING,
              "providerName", SimpleType.STRING,
              "component", SimpleType.STRING,
              "family", SimpleType.STRING,
              "labels", STRING_MAP,
              "observedAt", SimpleType.STRING,
              "status", SimpleType.STRING,
              "expectedChainId", SimpleType.STRING,
              "reportedChainId", SimpleType.STRING,
              "headHeight", N_INT,
              "headHash", SimpleType.STRING,
              "headTimestamp", SimpleType.STRING,
              "headAgeSeconds", N_DOUBLE,
              "expectedBlockTimeSeconds", N_DOUBLE,
              "blocksSincePrevious", N_INT,
              "safeLagBlocks", N_INT,
              "finalizedLagBlocks", N_INT,
              "finalizedLagSeconds", N_DOUBLE,
              "unsafeHeadAgeSeconds", N_DOUBLE,
              "l1OriginLagBlocks", N_INT,
              "lagBehindBestBlocks", N_INT,
              "syncing", N_BOOL,
              "peerCount", N_INT,
              "latencyMillis", N_DOUBLE,
              "httpStatus", N_INT,
              "findings", FINDINGS,
              "findingCodes", STRINGS),
          "true");

  /** What the templates of a no-data rule may use: the silent entity, not an event. */
  public static final EventSchema NO_DATA =
      new EventSchema(
          "no-data",
          vars(
              "entity", SimpleType.STRING,
              "source", SimpleType.STRING,
              "labels", STRING_MAP,
              "lastSeen", SimpleType.STRING,
              "silentFor", SimpleType.STRING),
          "true");

  /** Any other CloudEvent type: envelope attributes plus {@code data}. */
  public static EventSchema inbound(String type) {
    return new EventSchema(
        type,
        vars(
            "id", SimpleType.STRING,
            "type", SimpleType.STRING,
            "source", SimpleType.STRING,
            "subject", SimpleType.STRING,
            "time", SimpleType.STRING,
            "data", SimpleType.DYN),
        "true");
  }

  /** The schema of rules whose {@code source} is {@code type}. */
  public static EventSchema of(String type) {
    if (CERTIFICATE.type.equals(type)) {
      return CERTIFICATE;
    }
    if (CHAIN.type.equals(type)) {
      return CHAIN;
    }
    return inbound(type);
  }

  /** Whether rules of this schema can iterate over findings. */
  public boolean hasFindings() {
    return variables.containsKey("findings");
  }

  private static Map<String, CelType> vars(Object... pairs) {
    Map<String, CelType> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (CelType) pairs[i + 1]);
    }
    return Map.copyOf(m);
  }
}
