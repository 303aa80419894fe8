package io.fulcrum.admin.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Refuses request bodies over the endpoint's {@link BodyLimit} with 413 problem+json before they
 * are read whole: at once when {@code Content-Length} says so, otherwise as soon as the counted
 * bytes pass the limit (chunked bodies). Runs after the role check, so an unauthenticated caller
 * gets 401 without any of its body being read.
 *
 * <p>The rest of a refused body, up to {@link #MAX_DRAINED_BYTES}, is read and dropped (never kept)
 * before answering: a client that sends its body whole would otherwise see a reset connection
 * instead of the 413. A longer body is not drained; the answer then closes the connection.
 *
 * <p>Why not the HTTP listener's {@code max-post-size}: in Payara (Grizzly), like Tomcat, it bounds
 * form parameters only, not a body that the application reads as a stream, and it would answer with
 * the container's page rather than problem+json.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RequestBodyLimit implements ContainerRequestFilter, ReaderInterceptor {

  private static final String STREAM = RequestBodyLimit.class.getName() + ".stream";

  /** How much of a refused body is read and dropped before answering. */
  static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = limitOf(resource.getResourceMethod());
    if (request.getLength() > limit) {
      throw new BodyTooLarge(
          limit, request.getLength() <= MAX_DRAINED_BYTES && drained(request.getEntityStream()));
    }
    Limited stream = new Limited(request.getEntityStream(), limit);
    request.setProperty(STREAM, stream);
    request.setEntityStream(stream);
  }

  /** A body reader that failed because the stream passed the limit reports that, not its error. */
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (IOException | RuntimeException e) {
      if (context.getProperty(STREAM) instanceof Limited l && l.exceeded()) {
        throw new BodyTooLarge(l.limit, l.drained);
      }
      throw e;
    }
  }

  static long limitOf(Method method) {
    BodyLimit limit = method == null ? null : method.getAnnotation(BodyLimit.class);
    return limit == null ? BodyLimit.DEFAULT_BYTES : limit.value();
  }

  /** Whether the stream could be read to its end within {@link #MAX_DRAINED_BYTES}. */
  static boolean drained(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
        if (total > MAX_DRAINED_BYTES) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Counts bytes read and fails once more than {@code limit} have come. */
  static final class Limited extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean drained;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    boolean exceeded() {
      return count > limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, limit - count + 1));
      counted(skipped);
      return skipped;
    }

    private void counted(long n) {
      count += n;
      if (count > limit) {
        drained = drained(in);
        throw new BodyTooLarge(limit, drained);
      }
    }
  }
}
