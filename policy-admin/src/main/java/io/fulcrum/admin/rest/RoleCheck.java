package io.fulcrum.admin.rest;

import io.fulcrum.admin.security.BasicAuthentication;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on resource methods before they run: no (valid) credentials give
 * 401 with a Basic challenge (none for the web console: {@link BasicAuthentication#challenges}), a
 * user without any of the roles 403; {@value #ANY_AUTHENTICATED_USER} lets any authenticated user
 * in. Methods with neither annotation are refused: access must be declared.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheck implements ContainerRequestFilter {

  /**
   * In {@code @RolesAllowed}: any authenticated user, whatever roles they hold (the Servlet
   * specification's {@code **} role name).
   */
  public static final String ANY_AUTHENTICATED_USER = "**";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (request.getSecurityContext().getUserPrincipal() == null) {
      Response r =
          ProblemResponses.of(
              Response.Status.UNAUTHORIZED,
              "unauthenticated",
              "this endpoint needs HTTP Basic credentials of a configured user");
      request.abortWith(
          BasicAuthentication.challenges(
                  request.getHeaderString(BasicAuthentication.REQUESTED_WITH))
              ? Response.fromResponse(r)
                  .header(HttpHeaders.WWW_AUTHENTICATE, BasicAuthentication.CHALLENGE)
                  .build()
              : r);
      return;
    }
    if (allowed != null && Arrays.asList(allowed.value()).contains(ANY_AUTHENTICATED_USER)) {
      return;
    }
    if (allowed == null
        || Arrays.stream(allowed.value()).noneMatch(request.getSecurityContext()::isUserInRole)) {
      request.abortWith(
          ProblemResponses.of(
              Response.Status.FORBIDDEN,
              "forbidden",
              "user "
                  + request.getSecurityContext().getUserPrincipal().getName()
                  + " lacks the role for this endpoint"
                  + (allowed == null ? "" : " (one of " + Arrays.toString(allowed.value()) + ")")));
    }
  }
}
