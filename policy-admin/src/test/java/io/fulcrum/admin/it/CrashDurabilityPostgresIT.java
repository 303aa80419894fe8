package io.fulcrum.admin.it;

import java.util.Map;

/**
 * kill -9 under load on PostgreSQL (the test database of {@code fulcrum.test.pg.url}, in a schema
 * of its own that each run starts empty).
 */
class CrashDurabilityPostgresIT extends CrashDurabilityContract {

  static final String SCHEMA = "fulcrum_crash";

  private static String url() {
    return PostgresTestDatabase.url();
  }

  private static String user() {
    return PostgresTestDatabase.user();
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
    PostgresTestDatabase.emptySchema(SCHEMA);
  }
}
