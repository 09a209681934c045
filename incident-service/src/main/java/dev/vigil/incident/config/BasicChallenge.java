package dev.vigil.incident.config;

import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the REST API's HTTP Basic challenge now that the console uses form login. With form
 * authentication enabled Quarkus makes its built-in Basic mechanism "silent" (a 401 without {@code
 * WWW-Authenticate}); Quarkus uses a {@link BasicAuthenticationMechanism} bean in its place when
 * there is one, so this one answers the challenge API clients expect. {@code @Singleton}: Quarkus
 * looks for this exact class, which a client proxy would hide.
 */
public class BasicChallenge {

  @Produces
  @Singleton
  BasicAuthenticationMechanism basic() {
    return new BasicAuthenticationMechanism(null, false);
  }
}
