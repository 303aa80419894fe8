package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.monitoring.MonitoringStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@link MonitoringStore} in SQL through JPA native queries (V4__market_data.sql). */
@ApplicationScoped
public class JpaMonitoringStore implements MonitoringStore {

  private static final String RESULT_COLUMNS =
      "select policy_id, policy_version, margin_day, set_name, set_version, content_hash, margin,"
          + " loss, portfolio_value, gross_exposure, normalised_pnl, breach, window_days,"
          + " window_breaches, confidence, traffic_zone, cumulative_probability, kupiec_statistic,"
          + " kupiec_p, independence_statistic, independence_p, conditional_statistic,"
          + " conditional_p, peak_to_trough, largest_increase, largest_window_increase, backfill,"
          + " computed_by, computed_at from monitoring_result";
  private static final String ALERT_COLUMNS =
      "select alert_id, policy_id, policy_version, margin_day, alert_kind, from_zone, to_zone,"
          + " detail, created_at, delivered_at, attempts, last_error, proposal, proposal_done"
          + " from monitoring_alert";
  private static final String PENDING =
      " where (delivered_at is null and attempts < ?1) or (alert_kind = 'ZONE_CHANGE' and"
          + " proposal_done = false)";

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void ensureLockRow(String policyId) {
    List<Object[]> found =
        rows("select policy_id from monitoring_lock where policy_id = ?1", policyId);
    if (!found.isEmpty()) {
      return;
    }
    try {
      em.createNativeQuery("insert into monitoring_lock (policy_id) values (?1)")
          .setParameter(1, policyId)
          .executeUpdate();
    } catch (PersistenceException e) {
      // another member created it first: that is all we wanted
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(String policyId, String member, String now) {
    int n =
        em.createNativeQuery(
                "update monitoring_lock set claimed_by = ?1, claimed_at = ?2 where policy_id = ?3")
            .setParameter(1, member)
            .setParameter(2, now)
            .setParameter(3, policyId)
            .executeUpdate();
    if (n != 1) {
      throw new IllegalStateException("no monitoring lock row for " + policyId);
    }
  }

  @Override
  @Transactional
  public List<Result> lastResults(String policyId, String version, int limit) {
    var q =
        em.createNativeQuery(
                RESULT_COLUMNS
                    + " where policy_id = ?1 and policy_version = ?2 order by margin_day desc")
            .setParameter(1, policyId)
            .setParameter(2, version)
            .setMaxResults(limit);
    List<Result> out = new ArrayList<>();
    for (Object r : q.getResultList()) {
      out.add(result((Object[]) r));
    }
    Collections.reverse(out);
    return out;
  }

  @Override
  @Transactional
  public List<Result> results(String policyId, String version, String from, String to) {
    List<Result> out = new ArrayList<>();
    for (Object[] r :
        rows(
            RESULT_COLUMNS
                + " where policy_id = ?1 and policy_version = ?2 and margin_day >= ?3 and"
                + " margin_day <= ?4 order by margin_day",
            policyId,
            version,
            from == null ? "0000-00-00" : from,
            to == null ? "9999-99-99" : to)) {
      out.add(result(r));
    }
    return out;
  }

  private static Result result(Object[] r) {
    return new Result(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        d(r[6]),
        d(r[7]),
        d(r[8]),
        d(r[9]),
        d(r[10]),
        b(r[11]),
        i(r[12]),
        i(r[13]),
        d(r[14]),
        (String) r[15],
        d(r[16]),
        d(r[17]),
        d(r[18]),
        d(r[19]),
        d(r[20]),
        d(r[21]),
        d(r[22]),
        r[23] == null ? null : d(r[23]),
        d(r[24]),
        d(r[25]),
        b(r[26]),
        (String) r[27],
        (String) r[28]);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(Result r) {
    Object[] values = {
      r.policyId(),
      r.policyVersion(),
      r.day(),
      r.dataSet(),
      r.dataSetVersion(),
      r.dataSetHash(),
      r.margin(),
      r.loss(),
      r.value(),
      r.grossExposure(),
      r.normalisedPnl(),
      r.breach(),
      r.windowDays(),
      r.windowBreaches(),
      r.confidence(),
      r.zone(),
      r.cumulativeProbability(),
      r.kupiecStatistic(),
      r.kupiecP(),
      r.independenceStatistic(),
      r.independenceP(),
      r.conditionalStatistic(),
      r.conditionalP(),
      r.peakToTrough(),
      r.largestOneDayIncrease(),
      r.largestWindowIncrease(),
      r.backfill(),
      r.computedBy(),
      r.computedAt()
    };
    String columns = RESULT_COLUMNS.substring("select ".length(), RESULT_COLUMNS.indexOf(" from "));
    insertRow("monitoring_result", columns, values);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(Alert a) {
    Object[] values = {
      a.id(),
      a.policyId(),
      a.policyVersion(),
      a.day(),
      a.kind(),
      a.fromZone(),
      a.toZone(),
      a.detail(),
      a.createdAt(),
      a.deliveredAt(),
      a.attempts(),
      a.lastError(),
      a.proposal(),
      a.proposalDone()
    };
    String columns = ALERT_COLUMNS.substring("select ".length(), ALERT_COLUMNS.indexOf(" from "));
    insertRow("monitoring_alert", columns, values);
  }

  @Override
  @Transactional
  public List<Alert> alerts(String policyId) {
    List<Alert> out = new ArrayList<>();
    for (Object[] r :
        rows(ALERT_COLUMNS + " where policy_id = ?1 order by margin_day, alert_kind", policyId)) {
      out.add(alert(r));
    }
    return out;
  }

  @Override
  @Transactional
  public List<String> pendingAlerts(int maxAttempts) {
    List<String> out = new ArrayList<>();
    for (Object[] r :
        rows(
            "select alert_id, margin_day from monitoring_alert" + PENDING + " order by margin_day",
            maxAttempts)) {
      out.add((String) r[0]);
    }
    return out;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Alert> lockPending(String id, int maxAttempts) {
    int n =
        em.createNativeQuery(
                "update monitoring_alert set attempts = attempts where alert_id = ?2 and (("
                    + "delivered_at is null and attempts < ?1) or (alert_kind = 'ZONE_CHANGE' and"
                    + " proposal_done = false))")
            .setParameter(1, maxAttempts)
            .setParameter(2, id)
            .executeUpdate();
    if (n == 0) {
      return Optional.empty();
    }
    return rows(ALERT_COLUMNS + " where alert_id = ?1", id).stream()
        .map(JpaMonitoringStore::alert)
        .findFirst();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void delivered(String id, String at, int attempts, String error) {
    if (at == null) {
      execute(
          "update monitoring_alert set attempts = ?1, last_error = ?2 where alert_id = ?3",
          attempts,
          error == null ? "" : error,
          id);
    } else {
      execute(
          "update monitoring_alert set delivered_at = ?1, attempts = ?2 where alert_id = ?3",
          at,
          attempts,
          id);
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void proposed(String id, String proposal) {
    execute(
        "update monitoring_alert set proposal = ?1, proposal_done = true where alert_id = ?2",
        proposal,
        id);
  }

  private static Alert alert(Object[] r) {
    return new Alert(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        i(r[10]),
        (String) r[11],
        (String) r[12],
        b(r[13]));
  }

  /**
   * An insert with SQL NULL literals for null values (an untyped null bind fails on PostgreSQL).
   */
  private void insertRow(String table, String columns, Object[] values) {
    StringBuilder marks = new StringBuilder("(");
    List<Object> bound = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      marks.append(i == 0 ? "" : ", ");
      if (values[i] == null) {
        marks.append("null");
      } else {
        bound.add(values[i]);
        marks.append('?').append(bound.size());
      }
    }
    marks.append(')');
    execute("insert into " + table + " (" + columns + ") values " + marks, bound.toArray());
  }

  private void execute(String sql, Object... args) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < args.length; i++) {
      q.setParameter(i + 1, args[i]);
    }
    q.executeUpdate();
  }

  private List<Object[]> rows(String sql, Object... args) {
    return NativeRows.of(em, sql, args);
  }

  private static double d(Object o) {
    return ((Number) o).doubleValue();
  }

  private static int i(Object o) {
    return ((Number) o).intValue();
  }

  private static boolean b(Object o) {
    return o instanceof Boolean x ? x : ((Number) o).intValue() != 0;
  }
}
