package io.fulcrum.admin.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Inserts a group's new decisions with one JDBC batch on the transaction's own connection, instead
 * of through the persistence context: the rows are written once and never updated, so entity
 * management (snapshots, flush-time dirty checks, insert actions) buys nothing, and under load the
 * flush of a group was a tenth of the service's CPU. The rows are the same ones Hibernate would
 * write for {@link DecisionEntity} (column names from its mapping; instants as UTC {@code timestamp
 * with time zone}, as {@code hibernate.jdbc.time_zone=UTC} binds them), and reads still go through
 * JPA. H2 and PostgreSQL only ({@link #supports}): the embedded HSQLDB store, whose schema quotes
 * names and keeps timestamps without zone, stays on {@code persist}.
 */
final class DecisionRows {

  private static final String SQL;

  private static final List<String> COLUMNS =
      List.of(
          "id",
          "sequence",
          "created_at",
          "created_by",
          "idempotency_key",
          "request_hash",
          "account_id",
          "policy_id",
          "policy_version",
          "policy_hash",
          "status",
          "as_of",
          "decision_hash",
          "request_json",
          "decision_json");

  static {
    SQL =
        "insert into margin_decision ("
            + String.join(", ", COLUMNS)
            + ") values ("
            + COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ")";
  }

  private DecisionRows() {}

  static void insertAll(Connection connection, List<DecisionEntity> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(SQL)) {
      for (DecisionEntity e : rows) {
        int i = 0;
        insert.setString(++i, e.id);
        insert.setLong(++i, e.sequence);
        insert.setObject(++i, utc(e.createdAt));
        insert.setString(++i, e.createdBy);
        if (e.idempotencyKey == null) {
          insert.setNull(++i, Types.VARCHAR);
        } else {
          insert.setString(++i, e.idempotencyKey);
        }
        insert.setString(++i, e.requestHash);
        insert.setString(++i, e.accountId);
        insert.setString(++i, e.policyId);
        insert.setString(++i, e.policyVersion);
        insert.setString(++i, e.policyHash);
        insert.setString(++i, e.status);
        insert.setObject(++i, utc(e.asOf));
        insert.setString(++i, e.decisionHash);
        insert.setString(++i, e.requestJson);
        insert.setString(++i, e.decisionJson);
        insert.addBatch();
      }
      int[] counts = insert.executeBatch();
      for (int count : counts) {
        if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
          throw new SQLException("a decision insert wrote " + count + " rows, not 1");
        }
      }
    }
  }

  /** Whether this connection's database takes the batch: H2 and PostgreSQL. */
  static boolean supports(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT);
    return product.equals("H2") || product.equals("POSTGRESQL");
  }

  /** As {@code timestamp with time zone} columns store it. */
  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
