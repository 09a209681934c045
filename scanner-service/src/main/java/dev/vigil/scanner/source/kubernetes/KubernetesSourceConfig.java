package dev.vigil.scanner.source.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Certificates in Kubernetes, under {@code vigil.scanner.kubernetes}. */
@ConfigMapping(prefix = "vigil.scanner.kubernetes")
public interface KubernetesSourceConfig {

  /** Off by default, so the scanner runs without a cluster (nothing contacts one when off). */
  @WithDefault("false")
  boolean enabled();

  /** Namespaces to watch; none = every namespace (needs the ClusterRole). */
  Optional<List<String>> namespaces();

  /** A label selector ({@code team=payments,env!=dev}) both Secrets and ConfigMaps must match. */
  Optional<String> labelSelector();

  /** Whether ConfigMaps holding CA bundles are watched too. */
  @WithDefault("true")
  boolean configMaps();

  /** The ConfigMap key that holds a PEM CA bundle; ConfigMaps without it are ignored. */
  @WithDefault("ca.crt")
  String configMapKey();
}
