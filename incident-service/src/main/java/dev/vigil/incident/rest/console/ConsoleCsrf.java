package dev.vigil.incident.rest.console;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The console's CSRF token (double-submit cookie): a random value in an HTTP-only, SameSite=Strict
 * cookie scoped to {@code /console}, repeated in a hidden field of every console form; {@link
 * ConsoleCsrfFilter} refuses a console form post whose field does not match the cookie. Templates
 * read it as {@code {inject:consoleCsrf.token}}.
 *
 * <p>Why not quarkus-rest-csrf: it verifies every form-encoded request of the application, so the
 * REST API (HTTP Basic, no cookies, nothing to forge) would refuse clients that post an empty or
 * form-encoded body without a token; this check is confined to the console.
 */
@Named("consoleCsrf")
@RequestScoped
public class ConsoleCsrf {

  static final String COOKIE = "vigil-csrf";
  static final String FIELD = "csrf-token";

  /** Routing-context key of a token issued during this request (the response sets the cookie). */
  static final String ISSUED = "vigil.console.csrf.issued";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final RoutingContext request;

  public ConsoleCsrf(RoutingContext request) {
    this.request = request;
  }

  /** The token the page's forms carry: the browser's cookie, or one issued for this response. */
  public String getToken() {
    String issued = request.get(ISSUED);
    if (issued != null) {
      return issued;
    }
    String cookie = cookieToken(request);
    return cookie != null ? cookie : issue(request);
  }

  /** The name of the hidden field. */
  public String getField() {
    return FIELD;
  }

  /** The browser's token, if it is one this console could have issued. */
  static String cookieToken(RoutingContext request) {
    Cookie cookie = request.request().getCookie(COOKIE);
    return cookie != null && SHAPE.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
  }

  /** Draws a new token and remembers it so the response sets the cookie. */
  static String issue(RoutingContext request) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    request.put(ISSUED, token);
    return token;
  }
}
