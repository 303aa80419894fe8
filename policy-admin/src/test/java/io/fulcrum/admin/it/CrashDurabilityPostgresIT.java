package io.fulcrum.admin.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

/**
 * kill -9 under load on PostgreSQL (the test database of {@code fulcrum.test.pg.url}, in a schema
 * of its own that each run starts empty).
 */
class CrashDurabilityPostgresIT extends CrashDurabilityContract {

  static final String SCHEMA = "fulcrum_crash";

  private static String url() {
    return System.getProperty(
        "fulcrum.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/fulcrum_test");
  }

  private static String user() {
    return System.getProperty("fulcrum.test.pg.user", "postgres");
  }

  /** One kill: PostgreSQL's recovery is not what is in question, and each restart costs a start. */
  @Override
  int kills() {
    return Integer.getInteger("fulcrum.it.crash.kills", 1);
  }

  @Override
  String database() {
    return "postgres";
  }

  @Override
  Map<String, String> environment() {
    String url = url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    return Map.of("FULCRUM_DB_URL", url, "FULCRUM_DB_USER", user(), "FULCRUM_DB_PASSWORD", "");
  }

  @Override
  void emptyStore() throws Exception {
    try (Connection c = DriverManager.getConnection(url(), user(), "");
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
    }
  }
}
