package io.fulcrum.admin.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;

/** Test deployments only: an error outside the REST layer, quoting the caller's value. */
@WebServlet("/test-support/failing-servlet")
public class FailingServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    throw new IllegalStateException(
        new SQLException("refused value '" + request.getParameter("value") + "'", "22001"));
  }
}
