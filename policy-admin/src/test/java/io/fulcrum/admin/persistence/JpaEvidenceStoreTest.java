package io.fulcrum.admin.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.evidence.EvidenceJob;
import io.fulcrum.admin.application.evidence.EvidenceKind;
import io.fulcrum.admin.application.evidence.EvidenceState;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The evidence job store on each database the service supports, migrated by Flyway (V3) as at
 * start-up: a job's life (queued, running with progress, a cancel seen by the runner, finished with
 * a large result) and a version's list (newest first, without results). PostgreSQL runs when
 * reachable at {@code fulcrum.test.pg.url} (default the evidence helper's own database), in a fresh
 * schema; otherwise that test is skipped. About 10 s.
 */
class JpaEvidenceStoreTest {

  @Test
  void h2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("");
    lifecycle(h2);
  }

  @Test
  void hsqldb() throws Exception {
    JDBCDataSource hsqldb = new JDBCDataSource();
    hsqldb.setUrl("jdbc:hsqldb:mem:" + UUID.randomUUID());
    hsqldb.setUser("SA");
    hsqldb.setPassword("");
    lifecycle(hsqldb);
  }

  @Test
  void postgresql() throws Exception {
    String url =
        System.getProperty(
            "fulcrum.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/fulcrum_test_evidence");
    String user = System.getProperty("fulcrum.test.pg.user", "postgres");
    String schema = "evidence_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      createDatabaseIfMissing(url, user);
      try (Connection c = DriverManager.getConnection(url, user, "");
          Statement s = c.createStatement()) {
        s.execute("create schema " + schema);
      }
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL not reachable at " + url + ": " + e.getMessage());
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    pg.setUser(user);
    try {
      lifecycle(pg);
    } finally {
      try (Connection c = DriverManager.getConnection(url, user, "");
          Statement s = c.createStatement()) {
        s.execute("drop schema " + schema + " cascade");
      }
    }
  }

  private static void createDatabaseIfMissing(String url, String user) throws SQLException {
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, user, "");
        Statement s = c.createStatement();
        var r = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
      if (!r.next()) {
        s.execute("create database " + name);
      }
    }
  }

  private static void lifecycle(DataSource dataSource) {
    var registry =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.datasource", dataSource)
            .applySetting("hibernate.hbm2ddl.auto", "validate")
            .applySetting(
                "hibernate.physical_naming_strategy", HsqldbNamingStrategy.class.getName())
            .applySetting("hibernate.jdbc.time_zone", "UTC")
            .build();
    try (SessionFactory sf =
            new MetadataSources(registry)
                .addAnnotatedClass(EvidenceJobEntity.class)
                .buildMetadata()
                .buildSessionFactory();
        EntityManager em = sf.createEntityManager()) {
      JpaEvidenceStore store = new JpaEvidenceStore();
      store.em = em;
      Instant t0 = Instant.parse("2026-11-30T10:00:00.123456Z");
      EvidenceJob first = job("j-1", t0);
      EvidenceJob second = job("j-2", t0.plusSeconds(5));
      tx(
          em,
          () -> {
            store.create(first);
            store.create(second);
            return null;
          });

      tx(
          em,
          () -> {
            store.started(
                "j-1", t0.plusSeconds(1), 500_000, "tiered-perps@4", "b".repeat(64), "{}");
            return null;
          });
      assertThat(tx(em, () -> store.progress("j-1", 1024))).isFalse();
      assertThat(tx(em, () -> store.requestCancel("j-1"))).isTrue();
      assertThat(tx(em, () -> store.progress("j-1", 2048)))
          .as("the runner sees the cancel")
          .isTrue();
      String large = "{\"x\":\"" + "y".repeat(3_000_000) + "\"}";
      tx(
          em,
          () -> {
            store.finished(
                "j-1",
                t0.plusSeconds(9),
                EvidenceState.DONE,
                500_000,
                "CHANGES",
                "s",
                large,
                "<xml/>");
            // A second finish (e.g. a late cancel) changes nothing.
            store.finished(
                "j-1", t0.plusSeconds(10), EvidenceState.CANCELLED, 1, null, "x", null, null);
            return null;
          });
      em.clear();

      EvidenceJob done = tx(em, () -> store.find("j-1")).orElseThrow();
      assertThat(done.state()).isEqualTo(EvidenceState.DONE);
      assertThat(done.progressDone()).isEqualTo(500_000);
      assertThat(done.progressTotal()).isEqualTo(500_000);
      assertThat(done.baselineRef()).isEqualTo("tiered-perps@4");
      assertThat(done.resultJson()).isEqualTo(large);
      assertThat(done.reportText()).isEqualTo("<xml/>");
      assertThat(done.requestedAt()).isEqualTo(t0);
      assertThat(done.finishedAt()).isEqualTo(t0.plusSeconds(9));
      assertThat(done.cancelRequested()).isTrue();
      assertThat(tx(em, () -> store.requestCancel("j-1")))
          .as("finished: nothing to cancel")
          .isFalse();

      List<EvidenceJob> listed = tx(em, () -> store.list("tiered-perps", "5"));
      assertThat(listed).extracting(EvidenceJob::id).containsExactly("j-2", "j-1");
      assertThat(listed).allSatisfy(j -> assertThat(j.resultJson()).isNull());
      assertThat(tx(em, () -> store.list("tiered-perps", "4"))).isEmpty();
      assertThat(tx(em, () -> store.find("nope"))).isEmpty();
    }
  }

  private static EvidenceJob job(String id, Instant at) {
    return new EvidenceJob(
        id,
        EvidenceKind.IMPACT_BOOK,
        "tiered-perps",
        "5",
        "a".repeat(64),
        null,
        null,
        "{\"book\":\"perps-book.yaml\"}",
        null,
        EvidenceState.QUEUED,
        0,
        0,
        false,
        "author",
        at,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static <T> T tx(EntityManager em, Supplier<T> work) {
    em.getTransaction().begin();
    try {
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } catch (RuntimeException e) {
      em.getTransaction().rollback();
      throw e;
    }
  }
}
