package dev.vigil.alert.config.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.alert.domain.notify.LabelSets;
import dev.vigil.alert.domain.notify.NotifyConfig;
import dev.vigil.alert.domain.notify.NotifyConfigParser;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the current notification configuration. The file is read at startup (a bad file stops the
 * service: better than running without routes) and re-read when its content changes; a bad new
 * version is logged and ignored, so the last good configuration keeps working.
 */
@ApplicationScoped
@Startup
public class NotifyConfigHolder {

  private static final Logger LOG = Logger.getLogger(NotifyConfigHolder.class);

  private final NotifySettings settings;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final AtomicReference<NotifyConfig> current = new AtomicReference<>();
  private volatile String loadedHash;
  private volatile String lastError;

  public NotifyConfigHolder(NotifySettings settings) {
    this.settings = settings;
    if (settings.config().isEmpty()) {
      LOG.info("vigil.alert.notify.config not set: alerts are grouped and logged, not sent");
      current.set(NotifyConfig.logOnly(settings.externalUrl()));
      return;
    }
    Path path = Path.of(settings.config().get());
    String text = read(path);
    current.set(parse(text));
    loadedHash = LabelSets.sha256(text);
    LOG.infof("notification configuration loaded from %s", path);
  }

  public NotifyConfig current() {
    return current.get();
  }

  /** The error of the last rejected reload, or {@code null} if the file in use is the latest. */
  public String lastError() {
    return lastError;
  }

  @Scheduled(
      every = "${vigil.alert.notify.reload-interval:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reloadIfChanged() {
    if (settings.config().isEmpty()) {
      return;
    }
    Path path = Path.of(settings.config().get());
    try {
      String text = read(path);
      String hash = LabelSets.sha256(text);
      if (hash.equals(loadedHash)) {
        return;
      }
      NotifyConfig fresh = parse(text);
      current.set(fresh);
      loadedHash = hash;
      lastError = null;
      LOG.infof("notification configuration reloaded from %s", path);
    } catch (RuntimeException e) {
      if (!e.getMessage().equals(lastError)) {
        LOG.errorf(
            "notification configuration %s rejected, keeping the previous one: %s",
            path, e.getMessage());
      }
      lastError = e.getMessage();
    }
  }

  /** Parses a document; the exception message names the bad field (never a secret value). */
  public NotifyConfig parse(String text) {
    Map<String, Object> doc;
    try {
      doc = yaml.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return NotifyConfigParser.parse(doc, new FileAndEnvSecrets(), settings.externalUrl());
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read notification configuration " + path + ": " + e);
    }
  }

  /** Secrets from mounted files ({@code *_file}) and the environment ({@code ${VAR}}). */
  private static final class FileAndEnvSecrets implements NotifyConfigParser.SecretSource {
    @Override
    public String file(String path) {
      try {
        return Files.readString(Path.of(path));
      } catch (IOException e) {
        return null;
      }
    }

    @Override
    public String env(String name) {
      return System.getenv(name);
    }
  }
}
