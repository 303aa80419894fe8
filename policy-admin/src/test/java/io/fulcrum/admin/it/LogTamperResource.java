package io.fulcrum.admin.it;

import io.fulcrum.engine.transparency.Checkpoint;
import io.fulcrum.engine.transparency.NoteKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Test deployments only: edits the decision log's tables behind the service's back, as someone with
 * database access would, over plain JDBC. Deleted rows are kept here under a token so a test can
 * put them back; updates return the value they replaced.
 */
@Path("test-support/log")
@RequestScoped
public class LogTamperResource {

  private static final Set<String> TABLES =
      Set.of(
          "margin_decision",
          "audit_record",
          "audit_chain_head",
          "merkle_node",
          "merkle_tree",
          "audit_checkpoint");

  /** Deleted rows by token: column names and values of each row. */
  private static final Map<String, Deleted> DELETED = new ConcurrentHashMap<>();

  private record Deleted(String table, List<String> columns, List<Object[]> rows) {}

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  /**
   * Sets {@code column} of the rows of {@code table} where {@code key = keyValue}; returns the old.
   */
  @POST
  @Path("update")
  @PermitAll
  @Transactional
  public String update(
      @QueryParam("table") String table,
      @QueryParam("key") String key,
      @QueryParam("keyValue") String keyValue,
      @QueryParam("numeric") boolean numeric,
      @QueryParam("column") String column,
      @QueryParam("value") String value,
      @QueryParam("numericValue") boolean numericValue) {
    requireTable(table);
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              String previous;
              try (PreparedStatement s =
                  c.prepareStatement(
                      "select " + column + " from " + table + " where " + key + " = ?")) {
                bind(s, 1, keyValue, numeric);
                try (ResultSet r = s.executeQuery()) {
                  r.next();
                  previous = r.getString(1);
                }
              }
              if (value == null) {
                return previous; // only read
              }
              try (PreparedStatement s =
                  c.prepareStatement(
                      "update " + table + " set " + column + " = ? where " + key + " = ?")) {
                bind(s, 1, value, numericValue);
                bind(s, 2, keyValue, numeric);
                s.executeUpdate();
              }
              return previous;
            });
  }

  /**
   * Deletes the rows of {@code table} where {@code key op keyValue} ({@code op} = or >); a token.
   */
  @POST
  @Path("delete")
  @PermitAll
  @Transactional
  public String delete(
      @QueryParam("table") String table,
      @QueryParam("key") String key,
      @QueryParam("keyValue") String keyValue,
      @QueryParam("numeric") boolean numeric,
      @QueryParam("above") boolean above) {
    requireTable(table);
    String where = " where " + key + (above ? " > ?" : " = ?");
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              List<String> columns = new ArrayList<>();
              List<Object[]> rows = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement("select * from " + table + where)) {
                bind(s, 1, keyValue, numeric);
                try (ResultSet r = s.executeQuery()) {
                  ResultSetMetaData meta = r.getMetaData();
                  for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                  }
                  while (r.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                      row[i] = detached(r.getObject(i + 1));
                    }
                    rows.add(row);
                  }
                }
              }
              try (PreparedStatement s = c.prepareStatement("delete from " + table + where)) {
                bind(s, 1, keyValue, numeric);
                s.executeUpdate();
              }
              String token = UUID.randomUUID().toString();
              DELETED.put(token, new Deleted(table, columns, rows));
              return token;
            });
  }

  /** Puts back the rows a {@link #delete} removed. */
  @POST
  @Path("restore/{token}")
  @PermitAll
  @Transactional
  public String restore(@PathParam("token") String token) {
    Deleted d = DELETED.remove(token);
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              String sql =
                  "insert into "
                      + d.table()
                      + " ("
                      + String.join(", ", d.columns())
                      + ") values ("
                      + String.join(", ", d.columns().stream().map(x -> "?").toList())
                      + ")";
              try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : d.rows()) {
                  for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                  }
                  s.executeUpdate();
                }
              }
              return Integer.toString(d.rows().size());
            });
  }

  /**
   * Stores a checkpoint row of {@code size} leaves over the current stored root: signed by a key
   * made up here ({@code signed=forged}) or not signed at all ({@code signed=none}).
   */
  @POST
  @Path("checkpoint")
  @PermitAll
  @Transactional
  public String forgeCheckpoint(
      @QueryParam("size") long size,
      @QueryParam("origin") String origin,
      @QueryParam("root") String rootHex,
      @QueryParam("signed") String signed) {
    byte[] root = java.util.HexFormat.of().parseHex(rootHex);
    Checkpoint checkpoint = new Checkpoint(origin, size, root);
    String note =
        "none".equals(signed)
            ? checkpoint.body()
            : checkpoint.sign(NoteKeys.generate(origin, new SecureRandom()));
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "insert into audit_checkpoint (tree_size, root_hash, signed_note, signed_at)"
                          + " values (?, ?, ?, ?)")) {
                s.setLong(1, size);
                s.setString(2, rootHex);
                s.setString(3, note);
                s.setObject(4, OffsetDateTime.now());
                s.executeUpdate();
              }
              return note;
            });
  }

  /** Large objects read whole, so the value outlives the result set (H2's text columns). */
  private static Object detached(Object value) throws SQLException {
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (value instanceof java.sql.Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    return value;
  }

  private static void bind(PreparedStatement s, int i, String value, boolean numeric)
      throws SQLException {
    if (numeric) {
      s.setLong(i, Long.parseLong(value));
    } else {
      s.setString(i, value);
    }
  }

  private static void requireTable(String table) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("not a decision log table: " + table);
    }
  }
}
