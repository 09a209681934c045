package dev.vigil.alert.rules;

import dev.cel.common.values.NullValue;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.CertificateSummary;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.events.ScanTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns events into {@link Facts}: the variables of their {@link EventSchema} and base labels. */
public final class FactSheets {

  public static final String ALERTNAME = "alertname";
  public static final String TARGET_ID = "target_id";
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String SERVER_NAME = "server_name";
  public static final String CHAIN_ID = "chain_id";
  public static final String PROVIDER_ID = "provider_id";
  public static final String COMPONENT = "component";
  public static final String FAMILY = "family";
  public static final String FINDING_LABEL = "finding";

  /**
   * Labels Vigil sets itself. A target label with one of these names is dropped, even when the
   * target has no value of its own for it (a file target has no host): otherwise a label could
   * impersonate another endpoint.
   */
  public static final Set<String> RESERVED_LABELS =
      Set.of(
          ALERTNAME,
          TARGET_ID,
          HOST,
          PORT,
          SERVER_NAME,
          CHAIN_ID,
          PROVIDER_ID,
          COMPONENT,
          FAMILY,
          FINDING_LABEL);

  private FactSheets() {}

  public static Facts certificate(CertificateScanned scan) {
    Map<String, Object> v = new HashMap<>(32);
    ScanTarget t = scan.target();
    v.put("scanId", str(scan.scanId()));
    v.put("targetId", str(scan.targetId()));
    v.put("kind", t == null ? "" : str(t.kind()));
    v.put("host", t == null ? "" : str(t.host()));
    v.put("port", t == null ? NullValue.NULL_VALUE : num(t.port()));
    v.put("serverName", t == null ? "" : str(t.serverName()));
    v.put("location", location(scan));
    v.put("labels", scan.labels());
    v.put("scannedAt", time(scan.scannedAt()));
    v.put("outcome", scan.outcome() == null ? "" : scan.outcome().name());
    v.put(
        "unreachableReason",
        scan.unreachableReason() == null ? "" : scan.unreachableReason().name());
    v.put("detail", str(scan.detail()));
    v.put("protocol", str(scan.protocol()));
    v.put("earliestNotAfter", time(scan.earliestNotAfter()));
    v.put("daysLeft", num(scan.daysLeft()));
    v.put("expiry", scan.daysLeft() == null ? "" : expiry(scan.daysLeft()));
    v.put("earliestCertificate", earliestCertificate(scan));
    v.put("findings", findings(scan.findings()));
    v.put("findingCodes", scan.findings().stream().map(Finding::code).toList());
    v.put("chain", scan.chain().stream().map(FactSheets::certificate).toList());
    v.put(
        "acceptedProtocols",
        scan.acceptedProtocols() == null ? List.of() : scan.acceptedProtocols());

    Map<String, String> labels = targetLabels(scan.labels());
    labels.put(TARGET_ID, scan.targetId());
    if (t != null) {
      putIfPresent(labels, HOST, t.host());
      putIfPresent(labels, PORT, t.port() == null ? null : t.port().toString());
      putIfPresent(labels, SERVER_NAME, t.serverName());
    }
    return new Facts(EventSchema.CERTIFICATE.type(), scan.targetId(), v, labels);
  }

  public static Facts chain(ChainHealthObserved o) {
    Map<String, Object> v = new HashMap<>(48);
    v.put("observationId", str(o.observationId()));
    v.put("chainId", str(o.chainId()));
    v.put("providerId", str(o.providerId()));
    v.put("providerName", str(o.providerName()));
    v.put("component", str(o.component()));
    v.put("family", str(o.family()));
    v.put("labels", o.labels());
    v.put("observedAt", time(o.observedAt()));
    v.put("status", o.status() == null ? "" : o.status().name());
    v.put("expectedChainId", str(o.expectedChainId()));
    v.put("reportedChainId", str(o.reportedChainId()));
    v.put("headHeight", num(o.headHeight()));
    v.put("headHash", str(o.headHash()));
    v.put("headTimestamp", time(o.headTimestamp()));
    v.put("headAgeSeconds", num(o.headAgeSeconds()));
    v.put("expectedBlockTimeSeconds", num(o.expectedBlockTimeSeconds()));
    v.put("blocksSincePrevious", num(o.blocksSincePrevious()));
    v.put("safeLagBlocks", num(o.safeLagBlocks()));
    v.put("finalizedLagBlocks", num(o.finalizedLagBlocks()));
    v.put("finalizedLagSeconds", num(o.finalizedLagSeconds()));
    v.put("unsafeHeadAgeSeconds", num(o.unsafeHeadAgeSeconds()));
    v.put("l1OriginLagBlocks", num(o.l1OriginLagBlocks()));
    v.put("lagBehindBestBlocks", num(o.lagBehindBestBlocks()));
    v.put("syncing", o.syncing() == null ? NullValue.NULL_VALUE : o.syncing());
    v.put("peerCount", num(o.peerCount()));
    v.put("latencyMillis", num(o.latencyMillis()));
    v.put("httpStatus", num(o.httpStatus()));
    v.put("findings", findings(o.findings()));
    v.put("findingCodes", o.findings().stream().map(Finding::code).toList());

    Map<String, String> labels = targetLabels(o.labels());
    // target_id is the default group-by: a provider's alerts form one incident, as a target's do.
    labels.put(TARGET_ID, o.providerId());
    putIfPresent(labels, PROVIDER_ID, o.providerId());
    putIfPresent(labels, CHAIN_ID, o.chainId());
    putIfPresent(labels, COMPONENT, o.component());
    putIfPresent(labels, FAMILY, o.family());
    return new Facts(EventSchema.CHAIN.type(), o.providerId(), v, labels);
  }

  /**
   * Another system's CloudEvent. The entity is its subject, else its source.
   *
   * @param data the parsed JSON data (maps, lists, strings, numbers, booleans, nulls)
   */
  public static Facts inbound(
      String id, String type, String source, String subject, Instant time, Object data) {
    Map<String, Object> v = new HashMap<>(8);
    v.put("id", str(id));
    v.put("type", str(type));
    v.put("source", str(source));
    v.put("subject", str(subject));
    v.put("time", time(time));
    v.put("data", celValue(data));
    String entity = subject == null || subject.isBlank() ? source : subject;
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(TARGET_ID, entity);
    labels.put("ce_source", source);
    return new Facts(type, entity, v, labels);
  }

  /** JSON values as CEL wants them: integers as {@code long}, decimals as {@code double}. */
  static Object celValue(Object json) {
    if (json == null) {
      return NullValue.NULL_VALUE;
    }
    if (json instanceof Integer || json instanceof Short || json instanceof Byte) {
      return ((Number) json).longValue();
    }
    if (json instanceof BigInteger b) {
      return b.longValue();
    }
    if (json instanceof Float || json instanceof BigDecimal) {
      return ((Number) json).doubleValue();
    }
    if (json instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), celValue(val)));
      return out;
    }
    if (json instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(e -> out.add(celValue(e)));
      return out;
    }
    return json;
  }

  static List<Map<String, Object>> findings(List<Finding> findings) {
    List<Map<String, Object>> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Map<String, Object> m = new HashMap<>(8);
      m.put("code", str(f.code()));
      m.put("severity", f.severity() == null ? "" : f.severity().name());
      m.put("certificatePosition", num(f.certificatePosition()));
      m.put("message", str(f.message()));
      m.put("evidence", f.evidence());
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> certificate(CertificateSummary c) {
    Map<String, Object> m = new HashMap<>(16);
    m.put("position", (long) c.position());
    m.put("subject", str(c.subject()));
    m.put("issuer", str(c.issuer()));
    m.put("serialNumber", str(c.serialNumber()));
    m.put("notAfter", time(c.notAfter()));
    m.put("daysLeft", c.daysLeft());
    m.put("publicKeyAlgorithm", str(c.publicKeyAlgorithm()));
    m.put("publicKeyBits", num(c.publicKeyBits()));
    m.put("signatureAlgorithm", str(c.signatureAlgorithm()));
    return m;
  }

  /** The target's own labels without Vigil's reserved names, which always win. */
  static Map<String, String> targetLabels(Map<String, String> own) {
    Map<String, String> labels = new LinkedHashMap<>();
    own.forEach(
        (name, value) -> {
          if (!RESERVED_LABELS.contains(name) && value != null) {
            labels.put(name, value);
          }
        });
    return labels;
  }

  static String expiry(long daysLeft) {
    if (daysLeft < 0) {
      return "expired " + days(-daysLeft) + " ago";
    }
    return daysLeft == 0 ? "expires today" : "expires in " + days(daysLeft);
  }

  private static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }

  /** Names the certificate that expires first: in a chain that is the one to replace. */
  static String earliestCertificate(CertificateScanned scan) {
    Optional<CertificateSummary> first =
        scan.chain().stream()
            .filter(c -> c.notAfter() != null)
            .min(Comparator.comparing(CertificateSummary::notAfter));
    if (first.isEmpty()) {
      Instant notAfter = scan.earliestNotAfter();
      return "Earliest notAfter in the chain: "
          + (notAfter == null ? "null" : IsoTime.format(notAfter));
    }
    CertificateSummary c = first.get();
    return "Subject: "
        + c.subject()
        + "; issuer: "
        + c.issuer()
        + "; notAfter: "
        + IsoTime.format(c.notAfter())
        + "; serial: "
        + c.serialNumber()
        + "; position in chain: "
        + c.position();
  }

  /** Where the certificate was read, for humans: {@code host:port}, a file, or a secret. */
  static String location(CertificateScanned scan) {
    ScanTarget t = scan.target();
    if (t == null) {
      return scan.targetId();
    }
    if (t.host() != null) {
      return t.port() == null ? t.host() : t.host() + ":" + t.port();
    }
    if (t.path() != null) {
      return t.path();
    }
    if (t.name() != null) {
      return t.namespace() == null ? t.name() : t.namespace() + "/" + t.name();
    }
    return scan.targetId();
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }

  private static String time(Instant t) {
    return t == null ? "" : IsoTime.format(t);
  }

  private static Object num(Number n) {
    if (n == null) {
      return NullValue.NULL_VALUE;
    }
    if (n instanceof Double || n instanceof Float) {
      return n.doubleValue();
    }
    return n.longValue();
  }

  private static void putIfPresent(Map<String, String> labels, String name, String value) {
    if (value != null && !value.isBlank()) {
      labels.put(name, value);
    }
  }
}
