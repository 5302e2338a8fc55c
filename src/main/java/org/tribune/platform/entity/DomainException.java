package org.tribune.platform.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule said no. Components throw this (or a named subclass) from entities, policies and facades;
 * the platform's one exception mapper turns it into RFC 9457 problem+json. It carries a {@link
 * Kind} rather than an HTTP status so that the domain never depends on JAX-RS, and a stable {@code
 * type} slug that clients may switch on (documented in docs/api.md).
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What sort of "no" this is; the boundary maps each kind to one HTTP status. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    UNPROCESSABLE,
    TOO_LARGE,
    TOO_MANY,
    UNAVAILABLE
  }

  /** A problem with one input field, named as the client sent it. */
  public record FieldError(String field, String message) {}

  private final Kind kind;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public DomainException(Kind kind, String type, String title, String detail) {
    this(kind, type, title, detail, List.of());
  }

  public DomainException(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static DomainException notFound(String what, Object id) {
    return new DomainException(
        Kind.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
  }

  public static DomainException invalid(String field, String message) {
    return new DomainException(
        Kind.INVALID,
        "invalid-input",
        "Invalid input",
        field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  public static DomainException unauthenticated(String detail) {
    return new DomainException(Kind.UNAUTHENTICATED, "unauthenticated", "Sign-in required", detail);
  }

  public static DomainException conflict(String type, String title, String detail) {
    return new DomainException(Kind.CONFLICT, type, title, detail);
  }

  public static DomainException unprocessable(String type, String title, String detail) {
    return new DomainException(Kind.UNPROCESSABLE, type, title, detail);
  }

  /** Adds an extension member to the problem document (e.g. the remaining vote budget). */
  public DomainException with(String name, Object value) {
    extensions.put(name, value);
    return this;
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return Map.copyOf(extensions);
  }
}
