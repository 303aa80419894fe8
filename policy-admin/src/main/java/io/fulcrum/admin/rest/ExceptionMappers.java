package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.DecisionNotFound;
import io.fulcrum.admin.application.ErrorIds;
import io.fulcrum.admin.application.IdempotencyConflict;
import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.security.BasicAuthentication;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyNotFound;
import jakarta.annotation.Priority;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure becomes a problem+json response: caller mistakes 4xx naming the field, anything
 * else 500 with an error id that is logged once here, with its stack trace (never sent).
 */
final class ExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

  private ExceptionMappers() {}

  @Provider
  public static class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {
    @Override
    public Response toResponse(InvalidRequest e) {
      return ProblemResponses.field("invalid-request", e.field(), e.getMessage());
    }
  }

  /**
   * A parameter or governance field the caller got wrong. A bare {@link IllegalArgumentException}
   * or {@link IllegalStateException} is not mapped here: thrown from inside the engine or the
   * service it is a fault of theirs, answered 500 with an error id by {@link UnexpectedMapper}, and
   * its message (which may name internals) is only logged.
   */
  @Provider
  public static class InvalidParameterMapper implements ExceptionMapper<InvalidParameter> {
    @Override
    public Response toResponse(InvalidParameter e) {
      return ProblemResponses.of(
          Status.BAD_REQUEST, "invalid-parameter", e.getMessage(), e.field(), null, null);
    }
  }

  @Provider
  public static class PolicyNotFoundMapper implements ExceptionMapper<PolicyNotFound> {
    @Override
    public Response toResponse(PolicyNotFound e) {
      return ProblemResponses.field("unknown-policy", "policy", e.getMessage());
    }
  }

  @Provider
  public static class DecisionNotFoundMapper implements ExceptionMapper<DecisionNotFound> {
    @Override
    public Response toResponse(DecisionNotFound e) {
      return ProblemResponses.of(Status.NOT_FOUND, "decision-not-found", e.getMessage());
    }
  }

  @Provider
  public static class IdempotencyConflictMapper implements ExceptionMapper<IdempotencyConflict> {
    @Override
    public Response toResponse(IdempotencyConflict e) {
      return ProblemResponses.of(
          Status.CONFLICT, "idempotency-key-reused", e.getMessage(), "Idempotency-Key", null, null);
    }
  }

  @Provider
  public static class BundleRefusedMapper
      implements ExceptionMapper<io.fulcrum.admin.application.BundleRefused> {
    @Override
    public Response toResponse(io.fulcrum.admin.application.BundleRefused e) {
      Response.StatusType status =
          e.tooLarge() ? Status.REQUEST_ENTITY_TOO_LARGE : Status.BAD_REQUEST;
      return ProblemResponses.of(
          status,
          e.tooLarge() ? "bundle-too-large" : "bundle-refused",
          e.getMessage(),
          "(body)",
          null,
          e.problems().stream().map(Object::toString).toList());
    }
  }

  @Provider
  public static class BodyTooLargeMapper implements ExceptionMapper<BodyTooLarge> {
    @Override
    public Response toResponse(BodyTooLarge e) {
      Response problem =
          ProblemResponses.of(
              Status.REQUEST_ENTITY_TOO_LARGE,
              "body-too-large",
              e.getMessage(),
              "(body)",
              null,
              null);
      // Undrained, the rest of the body is still on the connection: it cannot carry more.
      return e.drained()
          ? problem
          : Response.fromResponse(problem).header("Connection", "close").build();
    }
  }

  @Provider
  public static class LifecycleRefusedMapper
      implements ExceptionMapper<io.fulcrum.admin.application.LifecycleRefused> {
    @Override
    public Response toResponse(io.fulcrum.admin.application.LifecycleRefused e) {
      return ProblemResponses.of(Status.CONFLICT, "lifecycle-refused", e.getMessage());
    }
  }

  @Provider
  public static class FourEyesMapper
      implements ExceptionMapper<io.fulcrum.admin.application.FourEyesViolation> {
    @Override
    public Response toResponse(io.fulcrum.admin.application.FourEyesViolation e) {
      return ProblemResponses.of(Status.FORBIDDEN, "four-eyes", e.getMessage());
    }
  }

  @Provider
  public static class PolicyVersionNotFoundMapper
      implements ExceptionMapper<io.fulcrum.admin.application.PolicyVersionNotFound> {
    @Override
    public Response toResponse(io.fulcrum.admin.application.PolicyVersionNotFound e) {
      return ProblemResponses.of(Status.NOT_FOUND, "policy-version-not-found", e.getMessage());
    }
  }

  @Provider
  public static class PolicyCompilationFailedMapper
      implements ExceptionMapper<PolicyCompilationFailed> {
    @Override
    public Response toResponse(PolicyCompilationFailed e) {
      String errorId = logged(e);
      return ProblemResponses.of(
          Status.INTERNAL_SERVER_ERROR,
          "policy-does-not-compile",
          "policy " + e.policy() + " does not compile",
          null,
          errorId,
          e.problems().stream().map(Object::toString).toList());
    }
  }

  @Provider
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

    @Context HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
      Response r = e.getResponse();
      if (r.getStatus() >= 500) {
        return ProblemResponses.of(
            Status.INTERNAL_SERVER_ERROR,
            "internal-error",
            "internal error",
            null,
            logged(e),
            null);
      }
      Response problem =
          ProblemResponses.of(r.getStatusInfo(), "http-" + r.getStatus(), e.getMessage());
      if (r.getStatus() == 401
          && BasicAuthentication.challenges(
              headers == null
                  ? null
                  : headers.getHeaderString(BasicAuthentication.REQUESTED_WITH))) {
        return Response.fromResponse(problem)
            .header(HttpHeaders.WWW_AUTHENTICATE, BasicAuthentication.CHALLENGE)
            .build();
      }
      return problem;
    }
  }

  /**
   * A commit the database refused (a value too long for its column, a NUL on PostgreSQL, a
   * constraint): the transaction rolled back. Jersey's own mapper for this type rethrows, which
   * would end in the container's HTML page; this one is preferred by its priority.
   */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class TransactionalMapper implements ExceptionMapper<TransactionalException> {
    @Override
    public Response toResponse(TransactionalException e) {
      return databaseRefused(e);
    }
  }

  /** A database error inside a transaction, which then rolled back. */
  @Provider
  public static class PersistenceMapper implements ExceptionMapper<PersistenceException> {
    @Override
    public Response toResponse(PersistenceException e) {
      return databaseRefused(e);
    }
  }

  static Response databaseRefused(Throwable e) {
    return ProblemResponses.of(
        Status.INTERNAL_SERVER_ERROR,
        "database-error",
        "the database refused the request; nothing was stored",
        null,
        logged(e),
        null);
  }

  /** Engine evaluation failures ({@code PolicyEvaluationFailed}) and anything unexpected. */
  @Provider
  public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      String errorId = logged(e);
      String detail =
          e instanceof io.fulcrum.engine.runtime.DecisionTableNoMatch gap
              // A fault of the policy, not of the request: name the table, not the inputs.
              ? "the policy failed while evaluating the request: decision table '"
                  + gap.table()
                  + "' (decision '"
                  + gap.decision()
                  + "' in "
                  + gap.model()
                  + ") matched no row for "
                  + gap.subject()
                  + "; nothing was stored"
              : e instanceof io.fulcrum.engine.runtime.PolicyEvaluationFailed
                  ? "the policy failed while evaluating the request; nothing was stored"
                  // An unexpected error may come after a commit (while answering): claim nothing.
                  : "internal error; the service cannot say whether anything was stored: look the"
                      + " decision up (GET /api/v1/decisions?account=...) before retrying";
      return ProblemResponses.of(
          Status.INTERNAL_SERVER_ERROR, "evaluation-failed", detail, null, errorId, null);
    }
  }

  /**
   * Logs {@code e} once under a new error id, with the messages that may quote request data
   * withheld ({@link LogRedaction}), and returns the id.
   */
  static String logged(Throwable e) {
    String errorId = ErrorIds.next();
    Throwable safe = LogRedaction.redacted(e);
    LOG.log(Level.SEVERE, "error " + errorId + ": " + safe, safe);
    return errorId;
  }
}
