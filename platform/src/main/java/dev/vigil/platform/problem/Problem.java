package dev.vigil.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} is Vigil's extension member: one entry per field at
 * fault, with a JSON-pointer-like path such as {@code port} or {@code labels.team}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field at fault. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail, List<FieldError> errors) {
    return new Problem(
        URI.create("https://vigil.dev/problems/" + slug(title)),
        title,
        status,
        detail,
        null,
        errors == null ? List.of() : errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
