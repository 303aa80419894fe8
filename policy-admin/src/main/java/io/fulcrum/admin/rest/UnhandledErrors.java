package io.fulcrum.admin.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The outermost catch: an exception escaping any servlet (Jersey when a mapper fails, a servlet of
 * the container) is answered here as problem+json 500 with an error id and logged once, redacted
 * ({@link LogRedaction}). Left to the container, it would be logged with its messages in the log
 * text (request data included) and answered with an HTML page.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnhandledErrors extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      String errorId = ExceptionMappers.logged(e);
      if (response.isCommitted()) {
        return;
      }
      response.reset();
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      response.setContentType(ProblemResponses.PROBLEM_JSON);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(ErrorPage.body(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, errorId));
    }
  }
}
