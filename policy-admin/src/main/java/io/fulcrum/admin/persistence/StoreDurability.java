package io.fulcrum.admin.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes sure, at start-up, that a committed transaction is on disk before the service answers, and
 * says in the log what the configured database guarantees.
 *
 * <ul>
 *   <li>HSQLDB file database (the embedded default): sets the write delay to 0, so every commit is
 *       written to the database's log and synced to disk (fsync) before the commit returns; after a
 *       crash HSQLDB replays that log. The setting is stored in the database, and set again on
 *       every start in case a URL or a tool changed it.
 *   <li>PostgreSQL: warns when {@code fsync} or {@code synchronous_commit} is off (the server then
 *       acknowledges commits it can lose).
 *   <li>H2 file database: warns. H2 2.x writes committed changes from a background thread (every
 *       WRITE_DELAY, 500 ms), so a crash loses acknowledged decisions and a crash during a write
 *       has corrupted stores (MVStore "Double mark"); inside Payara it is also Payara's own H2
 *       2.2.224, whatever version the WAR carries.
 * </ul>
 *
 * In-memory databases keep nothing across a stop by design and are not checked.
 */
@ApplicationScoped
public class StoreDurability {

  private static final Logger LOG = Logger.getLogger(StoreDurability.class.getName());

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  /** Checks and, where it can, sets the database's durability; call before serving requests. */
  public void ensure() {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
      String url = meta.getURL();
      String store = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      if (product.contains("hsql") && url.startsWith("jdbc:hsqldb:file:")) {
        syncEveryCommitOnHsqldb(c, store);
      } else if (product.contains("postgresql")) {
        warnUnlessPostgresqlSyncs(c, store);
      } else if (product.equals("h2") && !url.startsWith("jdbc:h2:mem:")) {
        LOG.warning(
            () ->
                store
                    + " file database: a crash (kill -9, power loss) can lose acknowledged"
                    + " decisions and corrupt the file. Use the embedded default (HSQLDB) or"
                    + " PostgreSQL for decisions that must be kept; see README, Durability.");
      } else {
        LOG.info(() -> store + " (" + url + "): nothing is kept across a stop");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot check the durability settings of the database: " + e.getMessage(), e);
    }
  }

  private static void syncEveryCommitOnHsqldb(Connection c, String store) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET FILES WRITE DELAY FALSE");
    }
    LOG.info(
        () ->
            store + " file database: every commit is logged and synced to disk before it returns");
  }

  private static void warnUnlessPostgresqlSyncs(Connection c, String store) throws SQLException {
    String fsync = show(c, "fsync");
    String synchronousCommit = show(c, "synchronous_commit");
    if ("off".equals(fsync) || "off".equals(synchronousCommit)) {
      LOG.warning(
          () ->
              store
                  + ": fsync="
                  + fsync
                  + ", synchronous_commit="
                  + synchronousCommit
                  + ": the server acknowledges commits a crash can lose; set both to on");
    } else {
      LOG.info(
          () ->
              store
                  + ": fsync="
                  + fsync
                  + ", synchronous_commit="
                  + synchronousCommit
                  + ": a commit is durable when it returns");
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW " + setting)) {
      return r.next() ? r.getString(1) : "unknown";
    }
  }
}
