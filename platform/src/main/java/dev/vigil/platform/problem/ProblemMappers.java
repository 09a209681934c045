package dev.vigil.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every REST failure as RFC 9457 problem+json that names the field at fault. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.problem().toResponse();
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return Problem.of(400, "Invalid request", detail, errors).toResponse();
  }

  // Quarkus ships its own mapper for MismatchedInputException; ours are as specific and win on
  // priority, so every JSON problem names its field in problem+json.
  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response unknownField(UnrecognizedPropertyException e) {
    String field = path(e);
    return Problem.of(
            400,
            "Invalid request",
            "unknown field '" + field + "'",
            List.of(new Problem.FieldError(field, "unknown field")))
        .toResponse();
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response mismatchedInput(MismatchedInputException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown);
    }
    return jsonMapping(e);
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response jsonMapping(JsonMappingException e) {
    if (e.getPath().isEmpty()) {
      return Problem.of(400, "Malformed JSON", e.getOriginalMessage(), List.of()).toResponse();
    }
    String field = path(e);
    return Problem.of(
            400,
            "Invalid request",
            field + ": " + e.getOriginalMessage(),
            List.of(new Problem.FieldError(field, "invalid value")))
        .toResponse();
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response unreadableJson(JsonProcessingException e) {
    return Problem.of(400, "Malformed JSON", e.getOriginalMessage(), List.of()).toResponse();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      LOG.error("request failed", e);
    }
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    return Problem.of(status, title, status >= 500 ? null : e.getMessage(), List.of()).toResponse();
  }

  private static String fieldOf(ConstraintViolation<?> violation) {
    // "create.request.port" -> "port"; "list.limit" (a query parameter) -> "limit".
    List<String> names = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> parameter = node.getName();
        case PROPERTY, CONTAINER_ELEMENT -> {
          if (node.getName() != null && !node.getName().startsWith("<")) {
            names.add(node.getName());
          }
          if (node.getKey() != null) {
            names.add(String.valueOf(node.getKey()));
          }
        }
        default -> {}
      }
    }
    if (!names.isEmpty()) {
      return String.join(".", names);
    }
    return parameter != null ? parameter : violation.getPropertyPath().toString();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
        .collect(Collectors.joining("."));
  }
}
