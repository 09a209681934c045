package dev.vigil.incident.rest.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out of the console. Quarkus' form authentication checks the credentials (the form
 * posts to {@code /j_security_check}) and keeps the user in an encrypted, HTTP-only cookie; there
 * is no server-side session to end, so signing out expires the cookie.
 */
@Path("/console")
public class ConsoleLoginResource {

  private final String cookieName;

  public ConsoleLoginResource(
      @ConfigProperty(
              name = "quarkus.http.auth.form.cookie-name",
              defaultValue = "quarkus-credential")
          String cookieName) {
    this.cookieName = cookieName;
  }

  /** The sign-in form; open to everyone (see the permissions in application.properties). */
  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance login(
      @QueryParam("error") String error, @QueryParam("signed-out") String signedOut) {
    return ConsoleViews.login(error != null, signedOut != null);
  }

  /** Expires the credential cookie; a form post (with a CSRF token) so no link can sign one out. */
  @POST
  @Path("logout")
  public Response logout() {
    NewCookie expired =
        new NewCookie.Builder(cookieName)
            .value("")
            .path("/")
            .maxAge(0)
            .expiry(new Date(0))
            .httpOnly(true)
            .build();
    return Response.seeOther(URI.create("/console/login?signed-out=true")).cookie(expired).build();
  }
}
