package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a certificate was read from. Only the fields of its {@code kind} are set.
 *
 * @param kind {@code TLS_ENDPOINT}, {@code FILE}, {@code KUBERNETES_SECRET} or {@code
 *     KUBERNETES_CONFIGMAP}
 * @param host host name or IP literal that was configured (TLS endpoints)
 * @param port TCP port (TLS endpoints)
 * @param serverName the name sent as SNI and verified, when it differs from {@code host}
 * @param address the IP address actually connected to, when known
 * @param path file path (files)
 * @param namespace Kubernetes namespace (secrets, config maps)
 * @param name Kubernetes object name (secrets, config maps), or the keystore alias (files)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanTarget(
    String kind,
    String host,
    Integer port,
    String serverName,
    String address,
    String path,
    String namespace,
    String name) {

  public static final String TLS_ENDPOINT = "TLS_ENDPOINT";
  public static final String FILE = "FILE";
  public static final String KUBERNETES_SECRET = "KUBERNETES_SECRET";
  public static final String KUBERNETES_CONFIGMAP = "KUBERNETES_CONFIGMAP";

  public static ScanTarget tlsEndpoint(String host, int port, String serverName, String address) {
    return new ScanTarget(TLS_ENDPOINT, host, port, serverName, address, null, null, null);
  }

  /** A certificate file; {@code entry} is the keystore alias or chain label, or {@code null}. */
  public static ScanTarget file(String path, String entry) {
    return new ScanTarget(FILE, null, null, null, null, path, null, entry);
  }

  public static ScanTarget kubernetesSecret(String namespace, String name) {
    return new ScanTarget(KUBERNETES_SECRET, null, null, null, null, null, namespace, name);
  }

  public static ScanTarget kubernetesConfigMap(String namespace, String name) {
    return new ScanTarget(KUBERNETES_CONFIGMAP, null, null, null, null, null, namespace, name);
  }
}
