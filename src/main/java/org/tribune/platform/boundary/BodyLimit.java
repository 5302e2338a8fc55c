package org.tribune.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.tribune.platform.entity.DomainException;

/** Refuses request bodies over 64 KiB, whether or not the client declared the length. */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

  public static final int MAX_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      request.abortWith(tooLarge().response());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream()));
    }
  }

  static TooLarge tooLarge() {
    return new TooLarge();
  }

  static final class TooLarge extends DomainException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(
          Kind.TOO_LARGE,
          "body-too-large",
          "Request body too large",
          "Request bodies are limited to " + MAX_BYTES + " bytes.");
    }

    jakarta.ws.rs.core.Response response() {
      return Problem.of(this);
    }
  }

  private static final class Bounded extends FilterInputStream {
    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw tooLarge();
      }
    }
  }
}
