package org.tribune.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.DomainException.FieldError;

/**
 * The one place where exceptions become HTTP responses. Domain exceptions keep their kind and type;
 * framework exceptions are translated to the nearest problem; anything else is a 500 with an
 * incident id in the log and never a stack trace on the wire.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** Finds a domain or validation cause inside container wrappers (transactions, EJB, CDI). */
  static Response translate(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof DomainException d) {
        return Problem.of(d);
      }
      if (t instanceof ConstraintViolationException c) {
        return invalid(c);
      }
      if (t instanceof OptimisticLockException) {
        return Problem.response(
            409,
            "concurrent-update",
            "Concurrent update",
            "Someone changed this at the same time; reload and try again.");
      }
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return malformed(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, thrown);
    return Problem.response(
        500,
        "internal-error",
        "Internal error",
        "Something went wrong on our side (incident " + incident + ").",
        List.of(),
        Map.of("incident", incident));
  }

  static Response invalid(ConstraintViolationException c) {
    List<FieldError> errors =
        c.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return Problem.response(400, "invalid-input", "Invalid input", detail, errors, Map.of());
  }

  /** The last node of the property path is the name of the JSON field the client sent. */
  static String fieldOf(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  static Response malformed(Throwable t) {
    String detail =
        t.getMessage() == null
            ? "The request body is not valid JSON for this resource."
            : t.getMessage();
    // Parser messages may quote a class name; keep the client-facing part short and useful.
    detail =
        detail.replaceAll("(?s)\\s+at .*", "").replaceAll("\\b(?:[a-z]+\\.)+([A-Z]\\w*)", "$1");
    if (detail.length() > 300) {
      detail = detail.substring(0, 300);
    }
    return Problem.response(400, "malformed-body", "Malformed request body", detail);
  }

  @Provider
  public static class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      return Problem.of(e);
    }
  }

  @Provider
  public static class ConstraintViolationMapper
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      return invalid(e);
    }
  }

  @Provider
  public static class WebApplicationExceptionMapper
      implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof JsonbException || t instanceof JsonParsingException) {
          return malformed(t);
        }
        if (t instanceof DomainException d) {
          return Problem.of(d);
        }
      }
      int status = e.getResponse().getStatus();
      if (status >= 500) {
        return translate(e);
      }
      return switch (status) {
        case 400 -> Problem.response(400, "bad-request", "Bad request", e.getMessage());
        case 401 ->
            Problem.response(
                401, "unauthenticated", "Sign-in required", "Sign in or send a bearer token.");
        case 403 ->
            Problem.response(403, "forbidden", "Forbidden", "Your roles do not allow this.");
        case 404 -> Problem.response(404, "not-found", "Not found", "No such resource.");
        case 405 ->
            Problem.response(405, "method-not-allowed", "Method not allowed", e.getMessage());
        case 406 -> Problem.response(406, "not-acceptable", "Not acceptable", e.getMessage());
        case 413 ->
            Problem.response(413, "body-too-large", "Request body too large", e.getMessage());
        case 415 ->
            Problem.response(
                415, "unsupported-media-type", "Unsupported media type", "Send application/json.");
        default ->
            Problem.response(
                status,
                "http-" + status,
                e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage());
      };
    }
  }

  @Provider
  public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof JsonbException || t instanceof JsonParsingException) {
          return malformed(t);
        }
      }
      return malformed(e);
    }
  }

  @Provider
  public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return malformed(e);
    }
  }

  @Provider
  public static class FallbackMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return translate(e);
    }
  }
}
