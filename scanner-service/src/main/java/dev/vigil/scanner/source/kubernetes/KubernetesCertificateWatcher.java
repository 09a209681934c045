package dev.vigil.scanner.source.kubernetes;

import dev.vigil.events.ScanTarget;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.source.SourceLeadership;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Watches TLS Secrets and CA-bundle ConfigMaps through informers (list + watch, read-only RBAC).
 * The informers resync on the scanner interval, so an unchanged certificate is re-analysed as it
 * ages, like every other target. Events are handled on one worker thread, in order, away from the
 * client's threads.
 *
 * <p>Nothing here runs when {@code vigil.scanner.kubernetes.enabled} is false: the client is not
 * even created, so the scanner starts without a cluster.
 */
@ApplicationScoped
public class KubernetesCertificateWatcher {

  private static final Logger LOG = Logger.getLogger(KubernetesCertificateWatcher.class);

  private final KubernetesSourceConfig config;
  private final ScannerConfig scanner;
  private final Instance<KubernetesClient> clients;
  private final KubernetesObjectScanner objects;
  private final SourceLeadership leadership;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private ExecutorService worker;

  public KubernetesCertificateWatcher(
      KubernetesSourceConfig config,
      ScannerConfig scanner,
      Instance<KubernetesClient> clients,
      KubernetesObjectScanner objects,
      SourceLeadership leadership) {
    this.config = config;
    this.leadership = leadership;
    this.scanner = scanner;
    this.clients = clients;
    this.objects = objects;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "kubernetes-certificates");
              t.setDaemon(true);
              return t;
            });
    if (leadership.isLeader()) {
      startInformers();
    }
  }

  /** Only the source leader watches; a standby starts when it takes over. */
  void onLeadership(@Observes SourceLeadership.Changed change) {
    if (!config.enabled() || worker == null) {
      return;
    }
    if (change.leader()) {
      startInformers();
    } else {
      stopInformers();
    }
  }

  private synchronized void startInformers() {
    if (!informers.isEmpty()) {
      return;
    }
    KubernetesClient client = clients.get();
    List<String> namespaces = config.namespaces().orElse(List.of());
    for (String namespace : namespaces.isEmpty() ? List.of("") : namespaces) {
      watch(
          "Secrets",
          namespace,
          secrets(client, namespace),
          objects::secretChanged,
          s -> objects.removed(ScanTarget.KUBERNETES_SECRET, s));
      if (config.configMaps()) {
        watch(
            "ConfigMaps",
            namespace,
            configMaps(client, namespace),
            objects::configMapChanged,
            c -> objects.removed(ScanTarget.KUBERNETES_CONFIGMAP, c));
      }
    }
  }

  private synchronized void stopInformers() {
    informers.forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  private FilterWatchListDeletable<Secret, ?, Resource<Secret>> secrets(
      KubernetesClient client, String namespace) {
    var op =
        namespace.isEmpty()
            ? client.secrets().inAnyNamespace()
            : client.secrets().inNamespace(namespace);
    // Only TLS Secrets reach the cache: the API server filters, so other secrets stay out of
    // memory.
    var filtered = op.withField("type", KubernetesObjectScanner.TLS_SECRET_TYPE);
    return config.labelSelector().map(filtered::withLabelSelector).orElse(filtered);
  }

  private FilterWatchListDeletable<ConfigMap, ?, Resource<ConfigMap>> configMaps(
      KubernetesClient client, String namespace) {
    var op =
        namespace.isEmpty()
            ? client.configMaps().inAnyNamespace()
            : client.configMaps().inNamespace(namespace);
    return config.labelSelector().map(op::withLabelSelector).orElse(op);
  }

  private <T extends HasMetadata> void watch(
      String what,
      String namespace,
      FilterWatchListDeletable<T, ?, ?> source,
      Consumer<T> changed,
      Consumer<T> deleted) {
    SharedIndexInformer<T> informer = source.runnableInformer(scanner.interval().toMillis());
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T object) {
            handle(changed, object);
          }

          @Override
          public void onUpdate(T previous, T object) {
            handle(changed, object);
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            handle(deleted, object);
          }
        });
    // Keep retrying on errors (API server restarts, RBAC not applied yet) instead of giving up.
    informer.exceptionHandler(
        (started, error) -> {
          LOG.warnf("watching %s failed, retrying: %s", what, error.toString());
          return true;
        });
    String scope = namespace.isEmpty() ? "all namespaces" : "namespace " + namespace;
    informer
        .start()
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                LOG.infof("watching %s in %s", what, scope);
              } else {
                LOG.warnf("cannot watch %s in %s: %s", what, scope, error.toString());
              }
            });
    informers.add(informer);
  }

  private <T extends HasMetadata> void handle(Consumer<T> action, T object) {
    worker.execute(
        () -> {
          try {
            action.accept(object);
          } catch (RuntimeException e) {
            LOG.errorf(
                e,
                "scan of %s %s/%s failed",
                object.getKind(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName());
          }
        });
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    stopInformers();
    if (worker != null) {
      worker.shutdown();
      worker.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
