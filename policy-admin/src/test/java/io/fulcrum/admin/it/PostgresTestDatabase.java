package io.fulcrum.admin.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The PostgreSQL database of the *PostgresIT tests ({@code fulcrum.test.pg.url}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/fulcrum_test}, user {@code fulcrum.test.pg.user}). It is created
 * when missing, through the server's {@code postgres} database, so that {@code ./mvnw verify} needs
 * no set-up step on a machine where PostgreSQL runs; each test then empties a schema of its own.
 */
final class PostgresTestDatabase {

  /** PostgreSQL's "database already exists": another run created it in between. */
  private static final String DUPLICATE_DATABASE = "42P04";

  private PostgresTestDatabase() {}

  static String url() {
    return System.getProperty(
        "fulcrum.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/fulcrum_test");
  }

  static String user() {
    return System.getProperty("fulcrum.test.pg.user", "postgres");
  }

  /** Drops and re-creates {@code schema} in the test database, creating the database if missing. */
  static void emptySchema(String schema) throws SQLException {
    createDatabaseIfMissing();
    try (Connection c = DriverManager.getConnection(url(), user(), "");
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
    }
  }

  /**
   * Creates the database named in {@link #url()} unless it exists; returns whether it created it.
   */
  static boolean createDatabaseIfMissing() throws SQLException {
    Properties parsed = Driver.parseURL(url(), null);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "fulcrum.test.pg.url is not a PostgreSQL JDBC URL: " + url());
    }
    String database = parsed.getProperty("PGDBNAME");
    String server =
        "jdbc:postgresql://"
            + parsed.getProperty("PGHOST")
            + ":"
            + parsed.getProperty("PGPORT")
            + "/postgres";
    try (Connection c = DriverManager.getConnection(server, user(), "")) {
      try (PreparedStatement exists =
          c.prepareStatement("select 1 from pg_database where datname = ?")) {
        exists.setString(1, database);
        try (ResultSet r = exists.executeQuery()) {
          if (r.next()) {
            return false;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        return true;
      } catch (SQLException e) {
        if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    }
  }
}
