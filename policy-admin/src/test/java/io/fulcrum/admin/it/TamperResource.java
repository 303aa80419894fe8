package io.fulcrum.admin.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Base64;
import java.util.UUID;

/**
 * Test deployments only: edits the database directly, behind the application's back, as someone
 * with database access would. Each edit returns what it replaced, so tests can undo it.
 */
@Path("test-support/tamper")
@RequestScoped
public class TamperResource {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  /** Sets a stored decision's status; returns the previous status. */
  @POST
  @Path("{id}")
  @PermitAll
  @Transactional
  public String setStatus(@PathParam("id") String id, @QueryParam("status") String status) {
    Object previous =
        em.createNativeQuery("select status from margin_decision where id = ?1")
            .setParameter(1, id)
            .getSingleResult();
    em.createNativeQuery("update margin_decision set status = ?1 where id = ?2")
        .setParameter(1, status)
        .setParameter(2, id)
        .executeUpdate();
    return String.valueOf(previous);
  }

  /**
   * Inserts a copy of a stored decision under a new id at chain position {@code sequence}, with no
   * audit record; returns the new id.
   */
  @POST
  @Path("{id}/copy")
  @PermitAll
  @Transactional
  public String copy(@PathParam("id") String id, @QueryParam("sequence") long sequence) {
    String copy = UUID.randomUUID().toString();
    em.createNativeQuery(
            "insert into margin_decision (id, sequence, created_at, created_by, idempotency_key,"
                + " request_hash, account_id, policy_id, policy_version, policy_hash, status,"
                + " as_of, decision_hash, request_json, decision_json)"
                + " select ?1, ?2, created_at, created_by, null, request_hash, account_id,"
                + " policy_id, policy_version, policy_hash, status, as_of, decision_hash,"
                + " request_json, decision_json from margin_decision where id = ?3")
        .setParameter(1, copy)
        .setParameter(2, sequence)
        .setParameter(3, id)
        .executeUpdate();
    return copy;
  }

  /** Deletes a decision row (to undo {@link #copy}). */
  @DELETE
  @Path("{id}")
  @PermitAll
  @Transactional
  public String delete(@PathParam("id") String id) {
    return Integer.toString(
        em.createNativeQuery("delete from margin_decision where id = ?1")
            .setParameter(1, id)
            .executeUpdate());
  }

  /**
   * Replaces the stored bytes of the content {@code hash} with those of the content {@code from}
   * (or, without {@code from}, with the Base64 body); returns the previous bytes in Base64.
   */
  @POST
  @Path("content/{hash}")
  @PermitAll
  @Transactional
  public String setContent(
      @PathParam("hash") String hash, @QueryParam("from") String from, String base64) {
    byte[] previous = zipOf(hash);
    byte[] next = from == null ? Base64.getDecoder().decode(base64.strip()) : zipOf(from);
    em.createNativeQuery("update policy_content set zip = ?1 where bundle_hash = ?2")
        .setParameter(1, next)
        .setParameter(2, hash)
        .executeUpdate();
    return Base64.getEncoder().encodeToString(previous);
  }

  private byte[] zipOf(String hash) {
    Object zip =
        em.createNativeQuery("select zip from policy_content where bundle_hash = ?1")
            .setParameter(1, hash)
            .getSingleResult();
    try {
      // PostgreSQL's bytea reads as byte[], H2's binary large object as a Blob.
      return zip instanceof java.sql.Blob blob
          ? blob.getBytes(1, (int) blob.length())
          : (byte[]) zip;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets the {@code state} and/or {@code bundle_hash} columns of a policy version row; returns the
   * previous values as {@code state bundleHash}.
   */
  @POST
  @Path("policy/{id}/{version}")
  @PermitAll
  @Transactional
  public String setVersion(
      @PathParam("id") String policyId,
      @PathParam("version") String version,
      @QueryParam("state") String state,
      @QueryParam("bundleHash") String bundleHash) {
    String ref = policyId + "@" + version;
    Object[] previous =
        (Object[])
            em.createNativeQuery("select state, bundle_hash from policy_version where ref = ?1")
                .setParameter(1, ref)
                .getSingleResult();
    if (state != null) {
      em.createNativeQuery("update policy_version set state = ?1 where ref = ?2")
          .setParameter(1, state)
          .setParameter(2, ref)
          .executeUpdate();
    }
    if (bundleHash != null) {
      em.createNativeQuery("update policy_version set bundle_hash = ?1 where ref = ?2")
          .setParameter(1, bundleHash)
          .setParameter(2, ref)
          .executeUpdate();
    }
    return previous[0] + " " + previous[1];
  }
}
