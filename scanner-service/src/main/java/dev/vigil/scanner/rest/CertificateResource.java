package dev.vigil.scanner.rest;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.domain.inventory.CertificateQuery;
import dev.vigil.scanner.domain.inventory.CertificateQuery.InvalidQueryException;
import dev.vigil.scanner.inventory.CertificateCatalog;
import dev.vigil.scanner.inventory.CertificateDetail;
import dev.vigil.scanner.inventory.CertificatePage;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The certificate inventory: every certificate any source has read, with where it was seen. Read
 * only and open, like the other GETs. Query parameters arrive as text and are validated here, so a
 * bad value is a 400 naming the parameter rather than JAX-RS' bare 404.
 */
@Path("/api/v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CertificateResource {

  private final CertificateCatalog catalog;

  public CertificateResource(CertificateCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Certificates, soonest expiry first. {@code label} may be repeated ({@code key:value}); all
   * given filters must hold.
   */
  @GET
  public CertificatePage list(
      @QueryParam("expiringWithinDays") String expiringWithinDays,
      @QueryParam("finding") String finding,
      @QueryParam("issuer") String issuer,
      @QueryParam("label") List<String> labels,
      @QueryParam("source") String source,
      @QueryParam("inUse") String inUse,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    CertificateQuery query;
    try {
      query =
          CertificateQuery.parse(
              expiringWithinDays, finding, issuer, labels, source, inUse, page, size);
    } catch (InvalidQueryException e) {
      throw new ProblemException(
          400,
          "Invalid request",
          e.getMessage(),
          e.violations().stream()
              .map(v -> new Problem.FieldError(v.field(), v.message()))
              .toList());
    }
    return catalog.search(query);
  }

  /** One certificate by SHA-256 fingerprint, with every place it was seen and its scans. */
  @GET
  @Path("{sha256}")
  public CertificateDetail get(@PathParam("sha256") String sha256) {
    return catalog.get(sha256);
  }
}
