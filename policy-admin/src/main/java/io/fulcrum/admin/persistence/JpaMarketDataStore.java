package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.marketdata.MarketDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MarketDataStore} in SQL through JPA native queries (tables of V4__market_data.sql; no
 * entities: the rows are plain values). Unquoted names, so the same SQL runs on H2, HSQLDB and
 * PostgreSQL.
 */
@ApplicationScoped
public class JpaMarketDataStore implements MarketDataStore {

  private static final String SET_COLUMNS =
      "select set_name, assets, max_gap_days, latest_seq, created_at from market_data_set";
  private static final String VERSION_COLUMNS =
      "select set_name, seq, set_version, content_hash, change_kind, first_day, last_day,"
          + " observations, change_note, created_by, created_at from market_data_version";

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Override
  @Transactional
  public Optional<SetRow> set(String name) {
    return sets(SET_COLUMNS + " where set_name = ?1", name).stream().findFirst();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<SetRow> lockSet(String name) {
    int n =
        em.createNativeQuery(
                "update market_data_set set latest_seq = latest_seq where set_name = ?1")
            .setParameter(1, name)
            .executeUpdate();
    return n == 0 ? Optional.empty() : set(name);
  }

  @Override
  @Transactional
  public List<SetRow> sets() {
    return sets(SET_COLUMNS + " order by set_name");
  }

  private List<SetRow> sets(String sql, Object... args) {
    List<SetRow> out = new ArrayList<>();
    for (Object[] r : rows(sql, args)) {
      out.add(
          new SetRow(
              (String) r[0],
              Arrays.asList(((String) r[1]).split(",")),
              ((Number) r[2]).intValue(),
              ((Number) r[3]).intValue(),
              (String) r[4]));
    }
    return out;
  }

  @Override
  @Transactional
  public List<VersionRow> versions(String name) {
    return versions(VERSION_COLUMNS + " where set_name = ?1 order by seq", name);
  }

  @Override
  @Transactional
  public Optional<VersionRow> version(String name, String version) {
    return versions(VERSION_COLUMNS + " where set_name = ?1 and set_version = ?2", name, version)
        .stream()
        .findFirst();
  }

  @Override
  @Transactional
  public Optional<VersionRow> versionAt(String name, int seq) {
    return versions(VERSION_COLUMNS + " where set_name = ?1 and seq = ?2", name, seq).stream()
        .findFirst();
  }

  private List<VersionRow> versions(String sql, Object... args) {
    List<VersionRow> out = new ArrayList<>();
    for (Object[] r : rows(sql, args)) {
      out.add(
          new VersionRow(
              (String) r[0],
              ((Number) r[1]).intValue(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              ((Number) r[7]).intValue(),
              (String) r[8],
              (String) r[9],
              (String) r[10]));
    }
    return out;
  }

  @Override
  @Transactional
  public List<Observation> observations(String name, int seq) {
    Map<String, Observation> latest = new LinkedHashMap<>();
    for (Object[] r :
        rows(
            "select asset, obs_day, close_price from market_data_observation"
                + " where set_name = ?1 and seq <= ?2 order by asset, obs_day, seq",
            name,
            seq)) {
      Observation o = new Observation((String) r[0], (String) r[1], ((Number) r[2]).doubleValue());
      latest.put(o.asset() + "/" + o.day(), o);
    }
    return List.copyOf(latest.values());
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void createSet(SetRow row) {
    em.createNativeQuery(
            "insert into market_data_set (set_name, assets, max_gap_days, latest_seq, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, row.name())
        .setParameter(2, String.join(",", row.assets()))
        .setParameter(3, row.maxGapDays())
        .setParameter(4, row.latestSeq())
        .setParameter(5, row.createdAt())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void addVersion(VersionRow v, List<Observation> rows) {
    em.createNativeQuery(
            "insert into market_data_version (set_name, seq, set_version, content_hash,"
                + " change_kind, first_day, last_day, observations, change_note, created_by,"
                + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .setParameter(1, v.name())
        .setParameter(2, v.seq())
        .setParameter(3, v.version())
        .setParameter(4, v.hash())
        .setParameter(5, v.kind())
        .setParameter(6, v.firstDay())
        .setParameter(7, v.lastDay())
        .setParameter(8, v.observations())
        .setParameter(9, v.note())
        .setParameter(10, v.createdBy())
        .setParameter(11, v.createdAt())
        .executeUpdate();
    // One multi-row insert per chunk: an import of years of closes is a few statements.
    int chunk = 200;
    for (int from = 0; from < rows.size(); from += chunk) {
      List<Observation> part = rows.subList(from, Math.min(rows.size(), from + chunk));
      StringBuilder sql =
          new StringBuilder(
              "insert into market_data_observation (set_name, asset, obs_day, seq, close_price)"
                  + " values ");
      for (int i = 0; i < part.size(); i++) {
        int p = i * 5;
        sql.append(i == 0 ? "" : ", ")
            .append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d)", p + 1, p + 2, p + 3, p + 4, p + 5));
      }
      var q = em.createNativeQuery(sql.toString());
      for (int i = 0; i < part.size(); i++) {
        int p = i * 5;
        Observation o = part.get(i);
        q.setParameter(p + 1, v.name())
            .setParameter(p + 2, o.asset())
            .setParameter(p + 3, o.day())
            .setParameter(p + 4, v.seq())
            .setParameter(p + 5, o.close());
      }
      q.executeUpdate();
    }
    em.createNativeQuery("update market_data_set set latest_seq = ?1 where set_name = ?2")
        .setParameter(1, v.seq())
        .setParameter(2, v.name())
        .executeUpdate();
  }

  private List<Object[]> rows(String sql, Object... args) {
    return NativeRows.of(em, sql, args);
  }
}
