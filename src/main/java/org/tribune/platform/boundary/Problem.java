package org.tribune.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.DomainException.FieldError;

/**
 * RFC 9457 problem details. Every error the API returns is built here, so the shape and the type
 * URIs ({@code urn:problem-type:tribune:<slug>}) are the same everywhere.
 */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:problem-type:tribune:";

  private Problem() {}

  public static int statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNPROCESSABLE -> 422;
      case TOO_MANY -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  public static Response of(DomainException e) {
    return response(
        statusOf(e.kind()), e.type(), e.title(), e.getMessage(), e.errors(), e.extensions());
  }

  public static Response response(int status, String type, String title, String detail) {
    return response(status, type, title, detail, List.of(), Map.of());
  }

  public static Response response(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(MEDIA_TYPE)
            .entity(body(status, type, title, detail, errors, extensions).toString());
    if (status == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"tribune\"");
    }
    if (status == 503 || status == 429) {
      Object retry = extensions.get("retryAfterSeconds");
      builder.header("Retry-After", retry == null ? "1" : retry.toString());
    }
    return builder.build();
  }

  static JsonObject body(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", TYPE_PREFIX + type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", list);
    }
    extensions.forEach(
        (name, value) -> {
          if (value instanceof Number n) {
            json.add(
                name,
                Json.createValue(n.toString().contains(".") ? n.doubleValue() : n.longValue()));
          } else if (value instanceof Boolean b) {
            json.add(name, b);
          } else if (value != null) {
            json.add(name, value.toString());
          }
        });
    return json.build();
  }
}
