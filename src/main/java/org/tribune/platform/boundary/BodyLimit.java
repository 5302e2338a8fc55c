package org.tribune.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tribune.platform.entity.DomainException;

/**
 * Refuses request bodies over 64 KiB, whether or not the client declared the length; file uploads
 * ({@code multipart/form-data}, accepted only where a resource consumes it) may be larger, up to
 * {@code tribune.platform.max-upload-bytes} (default 6 MiB), and the resource checks each file.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

  public static final int MAX_BYTES = 64 * 1024;

  /** TRIBUNE_PLATFORM_MAX_UPLOAD_BYTES: the largest multipart/form-data request body. */
  static final long MAX_UPLOAD_BYTES =
      ConfigProvider.getConfig()
          .getOptionalValue("tribune.platform.max-upload-bytes", Long.class)
          .orElse(6L * 1024 * 1024);

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    long max =
        type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
            ? Math.max(MAX_BYTES, MAX_UPLOAD_BYTES)
            : MAX_BYTES;
    if (request.getLength() > max) {
      request.abortWith(tooLarge(max).response());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), max));
    }
  }

  static TooLarge tooLarge(long max) {
    return new TooLarge(max);
  }

  static final class TooLarge extends DomainException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super(
          Kind.TOO_LARGE,
          "body-too-large",
          "Request body too large",
          "Request bodies are limited to " + max + " bytes.");
    }

    jakarta.ws.rs.core.Response response() {
      return Problem.of(this);
    }
  }

  private static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
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
      if (read > max) {
        throw tooLarge(max);
      }
    }
  }
}
