package io.fulcrum.admin.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Test deployments only: edits a stored decision's status directly in the database, behind the
 * application's back, as someone with database access would. Returns the previous value.
 */
@Path("test-support/tamper")
@RequestScoped
public class TamperResource {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

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
}
