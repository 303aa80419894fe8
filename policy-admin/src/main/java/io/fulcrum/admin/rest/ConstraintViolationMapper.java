package io.fulcrum.admin.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bean Validation refusals of a typed request body ({@link Bodies#valid}): 400 problem+json of type
 * {@code invalid-request}, as the request reader's refusals, with {@code field} the JSON path of
 * the first offending field ({@code orders}, {@code requests}); when several fields are refused,
 * all are listed in {@code problems}.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    TreeMap<String, String> byField = new TreeMap<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      byField.putIfAbsent(field(v.getPropertyPath()), v.getMessage());
    }
    if (byField.isEmpty()) {
      return ProblemResponses.field("invalid-request", "(body)", "the request is not valid");
    }
    Map.Entry<String, String> first = byField.firstEntry();
    List<String> all =
        byField.size() < 2
            ? null
            : byField.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).toList();
    return ProblemResponses.of(
        Status.BAD_REQUEST,
        "invalid-request",
        first.getKey() + ": " + first.getValue(),
        first.getKey(),
        null,
        all);
  }

  /** The property path as a JSON path: {@code orders}, {@code orders[0].quantity}. */
  static String field(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && out.length() > 0) {
        out.append('[').append(node.getIndex() == null ? node.getKey() : node.getIndex());
        out.append(']');
      }
      if (node.getName() != null && !node.getName().isEmpty()) {
        out.append(out.length() > 0 ? "." : "").append(node.getName());
      }
    }
    return out.length() == 0 ? "(body)" : out.toString();
  }
}
