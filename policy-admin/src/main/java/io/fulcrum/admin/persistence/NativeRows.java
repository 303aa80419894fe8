package io.fulcrum.admin.persistence;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** A native query's rows as arrays, a one-column row included (JPA gives that as its value). */
final class NativeRows {

  private NativeRows() {}

  @SuppressWarnings("unchecked")
  static List<Object[]> of(EntityManager em, String sql, Object... args) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < args.length; i++) {
      q.setParameter(i + 1, args[i]);
    }
    List<Object[]> out = new ArrayList<>();
    for (Object r : q.getResultList()) {
      out.add(r instanceof Object[] a ? a : new Object[] {r});
    }
    return out;
  }
}
