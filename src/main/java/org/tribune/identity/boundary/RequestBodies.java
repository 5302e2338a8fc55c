package org.tribune.identity.boundary;

import org.tribune.platform.entity.DomainException;

/** An empty body where one is required is malformed, like one that is not JSON. */
final class RequestBodies {

  private RequestBodies() {}

  static <T> T required(T body) {
    if (body == null) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "malformed-body",
          "Malformed request body",
          "This request needs a JSON body.");
    }
    return body;
  }
}
