package io.fulcrum.admin.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses. */
final class ProblemResponses {

  static final String PROBLEM_JSON = "application/problem+json";
  static final MediaType PROBLEM = MediaType.valueOf(PROBLEM_JSON);
  private static final String TYPES = "https://fulcrum.io/problems/";

  private ProblemResponses() {}

  static Response of(Response.StatusType status, String type, String detail) {
    return of(status, type, detail, null, null, null);
  }

  static Response field(String type, String field, String detail) {
    return of(Response.Status.BAD_REQUEST, type, detail, field, null, null);
  }

  static Response of(
      Response.StatusType status,
      String type,
      String detail,
      String field,
      String errorId,
      List<String> problems) {
    Problem body =
        new Problem(
            TYPES + type,
            status.getReasonPhrase(),
            status.getStatusCode(),
            detail,
            field,
            errorId,
            problems);
    return Response.status(status).type(PROBLEM).entity(body).build();
  }
}
