package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.ErrorIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml), so that errors raised outside the REST layer (an exception
 * escaping Jersey or a filter, an unknown path, a body the container refuses) are problem+json too,
 * never Payara's HTML page. Server errors get an error id, logged once with the exception
 * (redacted, see {@link LogRedaction}).
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

  static final String PATH = "/error-problem";

  private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String errorId = null;
    if (status >= 500 || thrown != null) {
      errorId = ErrorIds.next();
      Throwable safe = LogRedaction.redacted(thrown);
      LOG.log(
          Level.SEVERE,
          "error " + errorId + ": status " + status + (safe == null ? "" : ": " + safe),
          safe);
    }
    if (status < 400) {
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(ProblemResponses.PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body(status, errorId));
  }

  /** Written by hand: nothing here may fail while reporting a failure. */
  static String body(int status, String errorId) {
    String title =
        jakarta.ws.rs.core.Response.Status.fromStatusCode(status) == null
            ? "Error"
            : jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase();
    String detail =
        status >= 500
            ? "internal error; quote the errorId when reporting it"
            : "the request was refused (" + title + ")";
    return "{\"type\":\"https://fulcrum.io/problems/http-"
        + status
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\""
        + (errorId == null ? "" : ",\"errorId\":\"" + errorId + "\"")
        + "}";
  }
}
