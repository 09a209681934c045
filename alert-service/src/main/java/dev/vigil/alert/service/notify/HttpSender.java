package dev.vigil.alert.service.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.config.notify.NotifySettings;
import dev.vigil.alert.domain.notify.Delivery;
import dev.vigil.alert.domain.notify.Integration;
import dev.vigil.alert.domain.notify.Notification;
import dev.vigil.alert.domain.notify.Payloads;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Webhook, Slack and PagerDuty: a JSON POST each, asynchronous, on Vert.x's HTTP client (the event
 * loops Quarkus already runs). The JDK's {@code HttpClient} cost about a millisecond of CPU per
 * request here (its selector thread, executor hand-offs and per-exchange objects), which at
 * thousands of notifications a second was the largest single cost of the pipeline; Vert.x keeps
 * HTTP/1.1 connections alive per receiver and costs a fraction of that. Completions run on an event
 * loop: callers must not block in them.
 */
@ApplicationScoped
public class HttpSender {

  /** Requests in flight at once, and connections per receiver host. */
  static final int MAX_IN_FLIGHT = 64;

  private final HttpClient client;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ObjectMapper mapper;
  private final NotifySettings settings;
  private final Clock clock;

  public HttpSender(Vertx vertx, ObjectMapper mapper, NotifySettings settings, Clock clock) {
    this.mapper = mapper;
    this.settings = settings;
    this.clock = clock;
    // HTTP/1.1 with keep-alive: webhook receivers are plain servers, and an h2c upgrade attempt
    // on every new connection only costs. https URLs use the JDK's trust store and verify the host.
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setConnectTimeout((int) settings.requestTimeout().toMillis()),
            new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
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
    RequestOptions request;
    Buffer payload;
    try {
      payload = Buffer.buffer(mapper.writeValueAsBytes(body));
      request =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setAbsoluteURI(url)
              .setFollowRedirects(false)
              .setTimeout(settings.requestTimeout().toMillis())
              .putHeader("Content-Type", "application/json")
              .putHeader("User-Agent", "Vigil-alert-service")
              // Lets a receiver drop the rare resend after a crash (see README, guarantees).
              .putHeader("X-Vigil-Notification-Id", n.id());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new Attempt(
              Delivery.Outcome.PERMANENT, "cannot build request: " + e.getClass().getSimpleName()));
    }
    // Bounded concurrency keeps the connection pool small and reused; a full window makes the
    // dispatcher wait, which slows the flushes instead of piling up sockets.
    inFlight.acquireUninterruptibly();
    CompletableFuture<Attempt> out = new CompletableFuture<>();
    client
        .request(request)
        .compose(req -> req.send(payload))
        .compose(response -> response.end().map(done -> response.statusCode()))
        .onComplete(
            result -> {
              inFlight.release();
              if (result.failed()) {
                Throwable cause = result.cause();
                out.complete(
                    new Attempt(Delivery.Outcome.RETRYABLE, cause.getClass().getSimpleName()));
              } else {
                int status = result.result();
                out.complete(new Attempt(Delivery.classify(status), "HTTP " + status));
              }
            });
    return out;
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
