package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a certificate was read from. Only the fields of its {@code kind} are set.
 *
 * @param kind {@code TLS_ENDPOINT}, {@code FILE} or {@code KUBERNETES_SECRET}
 * @param host host name or IP literal that was configured (TLS endpoints)
 * @param port TCP port (TLS endpoints)
 * @param serverName the name sent as SNI and verified, when it differs from {@code host}
 * @param address the IP address actually connected to, when known
 * @param path file path (files)
 * @param namespace Kubernetes namespace (secrets)
 * @param name Kubernetes object name (secrets)
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

  public static ScanTarget tlsEndpoint(String host, int port, String serverName, String address) {
    return new ScanTarget(TLS_ENDPOINT, host, port, serverName, address, null, null, null);
  }
}
