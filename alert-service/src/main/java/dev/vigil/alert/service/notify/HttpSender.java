package dev.vigil.alert.service.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.Delivery;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.Payloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Webhook, Slack and PagerDuty: a JSON POST each, asynchronous. */
@ApplicationScoped
public class HttpSender {

  private static final int MAX_IN_FLIGHT = 64;

  private final HttpClient client;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ObjectMapper mapper;
  private final NotifySettings settings;
  private final Clock clock;

  public HttpSender(ObjectMapper mapper, NotifySettings settings, Clock clock) {
    this.mapper = mapper;
    this.settings = settings;
    this.clock = clock;
    // HTTP/1.1: webhook receivers are plain servers; an h2c upgrade attempt on every new
    // connection only costs. A small fixed pool runs the completions (the default executor
    // starts a thread per exchange).
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(
                Executors.newFixedThreadPool(
                    4,
                    r -> {
                      Thread t = new Thread(r, "notify-http");
                      t.setDaemon(true);
                      return t;
                    }))
            .build();
  }

  public CompletionStage<Attempt> send(
      Integration integration, Notification n, String externalUrl) {
    String url;
    Map<String, Object> body;
    if (integration instanceof Integration.Webhook w) {
      url = w.url();
      body = Payloads.alertmanagerWebhook(n, externalUrl, w.maxAlerts());
    } else if (integration instanceof Integration.Slack s) {
      url = s.apiUrl();
      body = Payloads.slack(n, s.channel(), s.username());
    } else if (integration instanceof Integration.PagerDuty p) {
      url = p.url();
      body = Payloads.pagerDuty(n, p.routingKey(), p.severity(), p.clientUrl(), clock.instant());
    } else {
      throw new IllegalArgumentException("not an HTTP integration: " + integration.kind());
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(settings.requestTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "Vigil-alert-service")
              // Lets a receiver drop the rare resend after a crash (see README, guarantees).
              .header("X-Vigil-Notification-Id", n.id())
              .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
              .build();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new Attempt(
              Delivery.Outcome.PERMANENT, "cannot build request: " + e.getClass().getSimpleName()));
    }
    // Bounded concurrency keeps the connection pool small and reused; a full window makes the
    // dispatcher wait, which slows the flushes instead of piling up sockets.
    inFlight.acquireUninterruptibly();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, failure) -> {
              inFlight.release();
              if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return new Attempt(Delivery.Outcome.RETRYABLE, cause.getClass().getSimpleName());
              }
              return new Attempt(
                  Delivery.classify(response.statusCode()), "HTTP " + response.statusCode());
            });
  }
}
