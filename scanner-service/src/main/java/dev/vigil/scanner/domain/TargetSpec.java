package dev.vigil.scanner.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A TLS endpoint to watch.
 *
 * @param host host name or IP literal to connect to
 * @param port TCP port
 * @param serverName name to send as SNI (and to verify), when it differs from {@code host}
 * @param labels free-form labels (team, env, service) carried into every event
 * @param starttls the plain-text protocol to upgrade from, {@link StartTls#NONE} for direct TLS
 * @param allAddresses scan every address {@code host} resolves to, not just the first: one bad node
 *     behind a load balancer is an outage too
 * @param expiry this target's own expiry thresholds, ahead of label rules and defaults
 */
public record TargetSpec(
    String host,
    int port,
    String serverName,
    Map<String, String> labels,
    StartTls starttls,
    boolean allAddresses,
    ExpiryOverride expiry) {

  private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");
  private static final int MAX_LABELS = 32;
  private static final int MAX_LABEL_VALUE = 256;

  public TargetSpec {
    // TreeMap, not Map.copyOf: a null value must reach violations() instead of throwing here.
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    starttls = starttls == null ? StartTls.NONE : starttls;
    expiry = expiry == null ? ExpiryOverride.NONE : expiry;
  }

  /** No expiry override of its own. */
  public TargetSpec(
      String host,
      int port,
      String serverName,
      Map<String, String> labels,
      StartTls starttls,
      boolean allAddresses) {
    this(host, port, serverName, labels, starttls, allAddresses, ExpiryOverride.NONE);
  }

  /** Direct TLS on the first resolved address. */
  public TargetSpec(String host, int port, String serverName, Map<String, String> labels) {
    this(host, port, serverName, labels, StartTls.NONE, false, ExpiryOverride.NONE);
  }

  /** Every rule this spec breaks, each naming its field; empty when valid. */
  public List<FieldViolation> violations(AddressPolicy policy) {
    List<FieldViolation> out = new ArrayList<>();
    if (host == null || host.isBlank()) {
      out.add(new FieldViolation("host", "must not be blank"));
    } else if (!HostNames.isValidHost(host)) {
      out.add(new FieldViolation("host", "is neither a valid host name nor an IP address"));
    } else {
      policy.checkHost(host).ifPresent(reason -> out.add(new FieldViolation("host", reason)));
    }
    if (port < 1 || port > 65_535) {
      out.add(new FieldViolation("port", "must be between 1 and 65535"));
    }
    if (serverName != null && !HostNames.isHostName(serverName)) {
      out.add(new FieldViolation("serverName", "must be a DNS host name"));
    }
    if (labels.size() > MAX_LABELS) {
      out.add(new FieldViolation("labels", "at most " + MAX_LABELS + " labels"));
    }
    out.addAll(expiry.violations());
    labels.forEach(
        (key, value) -> {
          if (!LABEL_KEY.matcher(key).matches()) {
            out.add(
                new FieldViolation("labels." + key, "label names match [a-zA-Z_][a-zA-Z0-9_]*"));
          } else if (value == null || value.length() > MAX_LABEL_VALUE) {
            out.add(
                new FieldViolation(
                    "labels." + key, "label values are 0 to " + MAX_LABEL_VALUE + " characters"));
          }
        });
    return out;
  }

  /** The name to present as SNI: the explicit one, else the host when it is a name. */
  public String effectiveServerName() {
    if (serverName != null) {
      return serverName;
    }
    return HostNames.isHostName(host) ? host : null;
  }
}
