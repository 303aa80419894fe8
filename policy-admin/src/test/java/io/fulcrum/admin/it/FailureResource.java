package io.fulcrum.admin.it;

import io.fulcrum.engine.policy.PolicyRef;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Test deployments only: database failures that quote a caller's value in their messages, as
 * refused inserts do, to show that such errors are answered as problem+json with an error id and
 * that the value never reaches the log.
 */
@Path("test-support/fail")
@RequestScoped
public class FailureResource {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  /** A real database error: both H2 and PostgreSQL quote the value they cannot convert. */
  @POST
  @Path("query")
  @PermitAll
  @Transactional
  public String query(@QueryParam("value") String value) {
    return String.valueOf(
        em.createNativeQuery("select cast(?1 as integer)")
            .setParameter(1, value)
            .getSingleResult());
  }

  /** A commit failure as the transaction interceptor reports it (a refused insert at commit). */
  @POST
  @Path("commit")
  @PermitAll
  public String commit(@QueryParam("value") String value) {
    RollbackException rollback = new RollbackException();
    rollback.initCause(new PersistenceException("could not execute batch [" + value + "]"));
    throw new TransactionalException("encountered exception during commit", rollback);
  }

  /**
   * A bare {@link IllegalArgumentException} from inside the engine, as a bug would raise it: here
   * the engine's own policy-reference parser given an internal value it refuses. Not a caller
   * error, so it must be a 500 with an error id, its message (quoting the value) only in the log.
   */
  @POST
  @Path("engine")
  @PermitAll
  public String engine(@QueryParam("value") String value) {
    return PolicyRef.parse("Internal Ref " + value).toString();
  }

  /** A bare {@link IllegalStateException} from inside the service. */
  @POST
  @Path("state")
  @PermitAll
  public String state(@QueryParam("value") String value) {
    throw new IllegalStateException("internal state broken near " + value);
  }
}
