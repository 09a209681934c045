package dev.vigil.scanner.tls;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Beans of the TLS layer that tests may replace. */
public class TlsBeans {

  /** The system resolver, unless a test supplies its own. */
  @Produces
  @Singleton
  @DefaultBean
  HostResolver hostResolver() {
    return HostResolver.SYSTEM;
  }
}
