package io.fulcrum.admin.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web console's static files ({@code /console/...}, served by the container from the console
 * jar's {@code META-INF/resources/console/}): every answer carries a content-security policy that
 * allows only the service's own scripts, styles and API (no inline script, no framing), {@code
 * X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer}. {@code /console}
 * redirects to {@code /console/}, which shows {@code /console/index.html}. The files need no
 * credentials (the pages sign in through the API, which checks every call).
 */
@WebFilter(urlPatterns = "/console/*", asyncSupported = true)
public class ConsoleHeaders extends HttpFilter {

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  static final String INDEX = "/console/index.html";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals("/console")) {
      response.sendRedirect(request.getContextPath() + "/console/");
      return;
    }
    if (path.equals("/console/")) {
      request.getRequestDispatcher(INDEX).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
