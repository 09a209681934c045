package dev.vigil.incident.rest.console;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Checks the console's CSRF token on every console form post and hands out the token cookie with
 * console pages (see {@link ConsoleCsrf}). Requests outside {@code /console} pass untouched.
 */
public class ConsoleCsrfFilter {

  /** Issues a token before the page renders, so the response below can set its cookie. */
  @ServerRequestFilter
  @WithFormRead
  public Response check(ResteasyReactiveContainerRequestContext context, RoutingContext request) {
    if (!context.getUriInfo().getPath().startsWith("/console")) {
      return null;
    }
    String cookie = ConsoleCsrf.cookieToken(request);
    if (HttpMethod.GET.equals(context.getMethod()) || HttpMethod.HEAD.equals(context.getMethod())) {
      if (cookie == null) {
        ConsoleCsrf.issue(request);
      }
      return null;
    }
    Object field =
        ((ResteasyReactiveRequestContext) context.getServerRequestContext())
            .getFormParameter(ConsoleCsrf.FIELD, true, false);
    if (cookie == null
        || !(field instanceof String sent)
        || !MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.UTF_8))) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.TEXT_HTML_TYPE)
          .entity(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form"
                  + " expired</title></head><body><h1>This form has expired</h1><p>It did not"
                  + " come from a console page of this session. <a href=\"/console/incidents\">"
                  + "Reload the console</a> and try again.</p></body></html>")
          .build();
    }
    return null;
  }

  @ServerResponseFilter
  public void setCookie(
      ContainerRequestContext context, ContainerResponseContext response, RoutingContext request) {
    String issued = request.get(ConsoleCsrf.ISSUED);
    if (issued != null) {
      response
          .getHeaders()
          .add(
              "Set-Cookie",
              new NewCookie.Builder(ConsoleCsrf.COOKIE)
                  .value(issued)
                  .path("/console")
                  .httpOnly(true)
                  .sameSite(NewCookie.SameSite.STRICT)
                  .build());
    }
  }
}
