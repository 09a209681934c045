package dev.vigil.scanner.source.kubernetes;

import dev.vigil.events.ScanTarget;
import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.domain.source.SourceIds;
import dev.vigil.scanner.inventory.InventoryService;
import dev.vigil.scanner.source.SourceChains;
import dev.vigil.scanner.source.SourceChains.Chain;
import dev.vigil.scanner.source.SourceScanService;
import dev.vigil.scanner.source.SourceTarget;
import dev.vigil.scanner.tls.store.StoreFormat;
import dev.vigil.scanner.tls.store.UnreadableStoreException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans one Kubernetes object: the {@code tls.crt} of a {@code kubernetes.io/tls} Secret, or the CA
 * bundle under the configured key of a ConfigMap. Private keys ({@code tls.key}) are never read.
 * The object's labels travel with its scans.
 */
@ApplicationScoped
public class KubernetesObjectScanner {

  static final String TLS_SECRET_TYPE = "kubernetes.io/tls";
  static final String TLS_CERTIFICATE_KEY = "tls.crt";
  static final String SECRET = "Secret";
  static final String CONFIG_MAP = "ConfigMap";

  private final SourceChains chains;
  private final SourceScanService scans;
  private final InventoryService inventory;
  private final KubernetesSourceConfig config;

  public KubernetesObjectScanner(
      SourceChains chains,
      SourceScanService scans,
      InventoryService inventory,
      KubernetesSourceConfig config) {
    this.chains = chains;
    this.scans = scans;
    this.inventory = inventory;
    this.config = config;
  }

  public void secretChanged(Secret secret) {
    if (!TLS_SECRET_TYPE.equals(secret.getType())) {
      return;
    }
    String encoded = secret.getData() == null ? null : secret.getData().get(TLS_CERTIFICATE_KEY);
    byte[] pem;
    try {
      pem = encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      pem = new byte[0];
    }
    scan(SECRET, ScanTarget.KUBERNETES_SECRET, secret, pem);
  }

  public void configMapChanged(ConfigMap configMap) {
    String key = config.configMapKey();
    byte[] pem = null;
    if (configMap.getData() != null && configMap.getData().get(key) != null) {
      pem = configMap.getData().get(key).getBytes(StandardCharsets.UTF_8);
    } else if (configMap.getBinaryData() != null && configMap.getBinaryData().get(key) != null) {
      try {
        pem = Base64.getDecoder().decode(configMap.getBinaryData().get(key));
      } catch (IllegalArgumentException e) {
        pem = new byte[0];
      }
    }
    if (pem == null) {
      // Not a CA bundle (any more): whatever it held is gone.
      removed(ScanTarget.KUBERNETES_CONFIGMAP, configMap);
      return;
    }
    scan(CONFIG_MAP, ScanTarget.KUBERNETES_CONFIGMAP, configMap, pem);
  }

  /** The object was deleted (or stopped matching): its places no longer hold certificates. */
  public void removed(String kind, HasMetadata object) {
    inventory.retireObject(
        kind, object.getMetadata().getNamespace(), object.getMetadata().getName(), Set.of());
  }

  private void scan(String apiKind, String kind, HasMetadata object, byte[] pem) {
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    Map<String, String> labels = object.getMetadata().getLabels();
    ScanTarget where =
        SECRET.equals(apiKind)
            ? ScanTarget.kubernetesSecret(namespace, name)
            : ScanTarget.kubernetesConfigMap(namespace, name);
    Set<String> published = new HashSet<>();
    List<Chain> found;
    try {
      found = chains.read(StoreFormat.CERTIFICATES, pem, null);
      if (found.isEmpty()) {
        throw new UnreadableStoreException("no PEM certificate in the object");
      }
    } catch (UnreadableStoreException e) {
      String id = SourceIds.kubernetes(apiKind, namespace, name, 0);
      scans.failed(new SourceTarget(id, where, labels), UnreachableReason.UNREADABLE, detail(e));
      // It holds no readable certificate any more, so none of its places holds one.
      inventory.retireObject(kind, namespace, name, Set.of());
      return;
    }
    for (int i = 0; i < found.size(); i++) {
      String id = SourceIds.kubernetes(apiKind, namespace, name, i);
      scans.completed(new SourceTarget(id, where, labels), found.get(i));
      published.add(id);
    }
    // A bundle that shrank: its former extra chains are no longer there.
    inventory.retireObject(kind, namespace, name, published);
  }

  private String detail(UnreadableStoreException e) {
    return e.getMessage().equals("the file is empty") ? "the certificate is empty" : e.getMessage();
  }
}
