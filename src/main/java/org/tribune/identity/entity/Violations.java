package org.tribune.identity.entity;

import java.util.ArrayList;
import java.util.List;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.DomainException.FieldError;

/** Collects every broken field rule of one request, so the client learns about all at once. */
public final class Violations {

  private final List<FieldError> errors = new ArrayList<>();

  public Violations add(String field, String message) {
    errors.add(new FieldError(field, message));
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    throw new DomainException(
        DomainException.Kind.INVALID, "invalid-input", "Invalid input", detail, errors);
  }
}
