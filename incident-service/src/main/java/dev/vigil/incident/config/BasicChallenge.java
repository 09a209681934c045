package dev.vigil.incident.config;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the REST API's HTTP Basic challenge now that the console uses form login: with form
 * authentication enabled, Quarkus makes its built-in Basic mechanism "silent" (a 401 without {@code
 * WWW-Authenticate}), and API clients that wait for the challenge before sending credentials would
 * never send them. Adds the challenge to 401 answers under {@code /api/}.
 */
@ApplicationScoped
public class BasicChallenge {

  static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  static final String CHALLENGE = "Basic realm=\"vigil\", charset=\"UTF-8\"";

  void register(@Observes Filters filters) {
    filters.register(
        request -> {
          if (request.normalizedPath().startsWith("/api/")) {
            request.addHeadersEndHandler(
                ignored -> {
                  if (request.response().getStatusCode() == 401
                      && !request.response().headers().contains(WWW_AUTHENTICATE)) {
                    request.response().headers().set(WWW_AUTHENTICATE, CHALLENGE);
                  }
                });
          }
          request.next();
        },
        100);
  }
}
