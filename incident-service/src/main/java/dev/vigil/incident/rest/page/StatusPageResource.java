package dev.vigil.incident.rest.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The public status page: server-rendered HTML that needs no JavaScript and fits a phone. No
 * authentication: it is for customers.
 */
@Path("/status")
public class StatusPageResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(StatusPageView view);

    static native TemplateInstance feed(FeedView view);
  }

  private final StatusPageRenderer renderer;

  public StatusPageResource(StatusPageRenderer renderer) {
    this.renderer = renderer;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page() {
    return renderer.html();
  }

  /** Atom feed of the most recent public incidents, for feed readers and chat integrations. */
  @GET
  @Path("feed.atom")
  @Produces("application/atom+xml")
  public String feed() {
    return renderer.atom();
  }
}
