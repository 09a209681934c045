package dev.vigil.scanner.domain.chain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What of an endpoint URL may be shown: scheme, host and port. Paths, queries and user info often
 * carry API keys (Infura, Alchemy and QuickNode put the key in the path), so they are replaced.
 */
public final class EndpointMask {

  private EndpointMask() {}

  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "***";
      }
      StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
      if (uri.getPort() >= 0) {
        out.append(':').append(uri.getPort());
      }
      boolean hidden =
          (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
              || uri.getRawQuery() != null
              || uri.getRawUserInfo() != null
              || uri.getRawFragment() != null;
      return out.append(hidden ? "/***" : "/").toString();
    } catch (URISyntaxException e) {
      return "***";
    }
  }
}
