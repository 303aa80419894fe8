package io.fulcrum.admin.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One log line per API request: method, path, status, duration and user, on logger {@code
 * io.fulcrum.admin.requests}; {@code fulcrum.request-log=false} (FULCRUM_REQUEST_LOG) turns it off.
 */
@Provider
@PreMatching
@Priority(1)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger("io.fulcrum.admin.requests");
  private static final String STARTED = RequestLog.class.getName() + ".started";

  private final boolean enabled =
      ConfigProvider.getConfig()
          .getOptionalValue("fulcrum.request-log", Boolean.class)
          .orElse(true);

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!enabled || !LOG.isLoggable(Level.INFO)) {
      return;
    }
    Object started = request.getProperty(STARTED);
    double ms = started == null ? -1 : (System.nanoTime() - (Long) started) / 1e6;
    Principal user = request.getSecurityContext().getUserPrincipal();
    LOG.info(
        String.format(
            Locale.ROOT,
            "%s /%s -> %d in %.1f ms (user %s)",
            request.getMethod(),
            request.getUriInfo().getPath(),
            response.getStatus(),
            ms,
            user == null ? "-" : user.getName()));
  }
}
