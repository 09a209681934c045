package dev.vigil.scanner.config;

import dev.vigil.scanner.tls.HandshakeClient;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything the scanner can be tuned with, under {@code vigil.scanner}. */
@ConfigMapping(prefix = "vigil.scanner")
public interface ScannerConfig {

  /** How often each target is scanned. */
  @WithDefault("PT5M")
  Duration interval();

  /** Random spread of each interval, as a fraction (0.1 = plus or minus 10%). */
  @WithDefault("0.1")
  double jitter();

  /** A target failing again and again is rescanned at most this many intervals apart. */
  @WithDefault("8")
  int maxBackoffFactor();

  /** This replica's name in the CloudEvent source of its scans; the pod name on Kubernetes. */
  @WithDefault("${HOSTNAME:local}")
  String instanceId();

  /** How often the scheduler looks for targets that are due. */
  @WithDefault("1s")
  String tick();

  /** TCP connect timeout. */
  @WithDefault("PT5S")
  Duration connectTimeout();

  /** Timeout of the TLS handshake (and of each read during it). */
  @WithDefault("PT10S")
  Duration handshakeTimeout();

  /**
   * Whether completed scans also learn which TLS versions (1.0 to 1.3) the endpoint accepts, at the
   * cost of up to three more handshakes per address.
   */
  @WithDefault("true")
  boolean probeProtocolVersions();

  /**
   * The TLS client of a scan's first handshake: {@code bouncycastle} (cheaper per handshake) or
   * {@code jdk}. A handshake the first one cannot complete is retried with the JDK either way.
   */
  @WithDefault("bouncycastle")
  HandshakeClient tlsClient();

  /** Scans running at once. */
  @WithDefault("16")
  int concurrency();

  /** Days before expiry at which a certificate is EXPIRING_SOON (warning). */
  @WithDefault("28")
  int warningDays();

  /** Days before expiry at which EXPIRING_SOON becomes critical. */
  @WithDefault("14")
  int criticalDays();

  /** Networks (CIDR) the scanner may connect to; empty allows all that are not denied. */
  Optional<List<String>> allowNetworks();

  /** Networks (CIDR) the scanner never connects to. Defaults deny link-local and metadata IPs. */
  @WithDefault("0.0.0.0/8,169.254.0.0/16,100.100.100.200/32,fe80::/10,fd00:ec2::254/128,::/128")
  List<String> denyNetworks();

  /** Host names the scanner never connects to (cloud metadata names). */
  @WithDefault("metadata.google.internal,metadata,instance-data,instance-data.ec2.internal")
  Set<String> denyHosts();
}
