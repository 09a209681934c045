package dev.vigil.scanner.domain.chain;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One probe to run against one provider.
 *
 * @param providerId Vigil's id of the provider (for logs and metrics; never the URL)
 * @param family how to speak to it
 * @param url the endpoint; may carry an API key, so it is never logged or published
 * @param headers extra request headers, e.g. an authorization header (secret)
 * @param timeout the whole probe, every call included, ends by then
 * @param apiCheck for family {@code HTTP} only, otherwise {@code null}
 */
public record ProbeRequest(
    String providerId,
    ChainFamily family,
    URI url,
    Map<String, String> headers,
    Duration timeout,
    ApiCheck apiCheck) {

  public ProbeRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
