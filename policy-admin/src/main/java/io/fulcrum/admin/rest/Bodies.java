package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.DecisionQuery;
import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.engine.domain.InvalidRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Checks on typed request bodies and parameters that Bean Validation does not express. */
final class Bodies {

  private Bodies() {}

  /**
   * The body, checked against its Bean Validation constraints (a {@link
   * ConstraintViolationException} names the fields); a request without one is refused as an empty
   * request (the container passes null when there is no body and no content type). Called by the
   * resource methods rather than asked for with {@code @Valid} on their parameters, which Payara
   * 6.2025.10's OpenAPI scanner fails on like on any constraint on a parameter.
   */
  static <T> T valid(Validator validator, T body) {
    if (body == null) {
      throw new InvalidRequest("(body)", "the request is empty; expected a JSON object");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }

  /**
   * Checks list paging parameters: {@code page} from 0, {@code size} from 1 to {@link
   * DecisionQuery#MAX_PAGE_SIZE}. (Not Bean Validation: Payara 6.2025.10's OpenAPI scanner fails on
   * constraint annotations on resource method parameters, answering /openapi with a 500.)
   */
  static void paging(int page, int size) {
    if (page < 0) {
      throw new InvalidParameter("page", "page must be >= 0 but was " + page);
    }
    if (size < 1 || size > DecisionQuery.MAX_PAGE_SIZE) {
      throw new InvalidParameter(
          "size", "size must be in [1, " + DecisionQuery.MAX_PAGE_SIZE + "] but was " + size);
    }
  }
}
