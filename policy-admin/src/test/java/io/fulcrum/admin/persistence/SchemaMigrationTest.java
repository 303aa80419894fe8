package io.fulcrum.admin.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

/**
 * The migrations build the schema the entities map, as Hibernate checks it at start-up
 * (persistence.xml's {@code hbm2ddl.auto=validate}), on the two embedded databases; PostgreSQL is
 * covered by the *PostgresIT tests.
 */
class SchemaMigrationTest {

  @Test
  void emptyH2_isMigratedToVersion1_andMatchesTheEntities() throws Exception {
    DataSource h2 = h2();
    try (SessionFactory validated = validatingSessionFactory(h2)) {
      assertThat(
              history(
                  h2,
                  "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" is not null"))
          .containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL");
    }
  }

  @Test
  void emptyHsqldb_isMigratedToVersion1_andMatchesTheEntities() throws Exception {
    DataSource hsqldb = hsqldb();
    try (SessionFactory validated = validatingSessionFactory(hsqldb)) {
      assertThat(
              history(
                  hsqldb,
                  "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" is not null"))
          .containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL");
      assertThat(history(hsqldb, "select count(*) from \"POLICY_EVENT\"")).containsExactly("0");
    }
  }

  @Test
  void databaseCreatedByHbm2ddl_isTakenToBeVersion1_andKeepsItsRows() throws Exception {
    DataSource hsqldb = hsqldb();
    try (Connection c = hsqldb.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements("/persistence/hbm2ddl-hsqldb.sql")) {
        s.execute(statement);
      }
      s.execute(
          "insert into \"AUDIT_CHAIN_HEAD\" (\"ID\", \"LAST_HASH\", \"LAST_SEQUENCE\")"
              + " values (1, 'ab', 7)");
    }

    MigrateResult result = SchemaMigration.migrate(hsqldb);

    // Baselined at 1, then V2 (the decision log's Merkle tables), V3 (evidence jobs) and V4
    // (market data and monitoring) applied on top.
    assertThat(result.migrationsExecuted).isEqualTo(3);
    assertThat(result.initialSchemaVersion).isEqualTo("1");
    assertThat(
            history(
                hsqldb,
                "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" is not null"))
        .containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL");
    assertThat(history(hsqldb, "select \"LAST_SEQUENCE\" from \"AUDIT_CHAIN_HEAD\""))
        .containsExactly("7");
    try (SessionFactory validated = validatingSessionFactory(hsqldb)) {
      assertThat(SchemaMigration.migrate(hsqldb).migrationsExecuted).isZero();
    }
  }

  @Test
  void aColumnTheEntitiesMapMissingFromTheTable_failsValidation() throws Exception {
    DataSource h2 = h2();
    SchemaMigration.migrate(h2);
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter table policy_event drop column detail");
    }
    assertThatThrownBy(() -> validatingSessionFactory(h2).close())
        .isInstanceOf(SchemaManagementException.class)
        .hasMessageContaining("detail");
  }

  @Test
  void migrationsFolder_followsTheDatabaseProduct_andOthersAreRefused() {
    assertThat(SchemaMigration.folderOf("H2")).isEqualTo("h2");
    assertThat(SchemaMigration.folderOf("HSQL Database Engine")).isEqualTo("hsqldb");
    assertThat(SchemaMigration.folderOf("PostgreSQL")).isEqualTo("postgresql");
    assertThatThrownBy(() -> SchemaMigration.folderOf("MySQL"))
        .hasMessage(
            "unsupported database 'MySQL': the schema migrations are written for H2, HSQLDB and"
                + " PostgreSQL");
  }

  /**
   * Builds the persistence unit's entities over {@code dataSource} as persistence.xml does, with
   * validation only; SchemaMigration runs first, as a Hibernate integrator.
   */
  private static SessionFactory validatingSessionFactory(DataSource dataSource) {
    var registry =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.datasource", dataSource)
            .applySetting("hibernate.hbm2ddl.auto", "validate")
            .applySetting(
                "hibernate.physical_naming_strategy", HsqldbNamingStrategy.class.getName())
            .applySetting("hibernate.jdbc.time_zone", "UTC")
            .build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(DecisionEntity.class)
          .addAnnotatedClass(AuditRecordEntity.class)
          .addAnnotatedClass(ChainHeadEntity.class)
          .addAnnotatedClass(PolicyContentEntity.class)
          .addAnnotatedClass(PolicyVersionEntity.class)
          .addAnnotatedClass(PolicyEventEntity.class)
          .addAnnotatedClass(ShadowDifferenceEntity.class)
          .addAnnotatedClass(EvidenceJobEntity.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  private static DataSource hsqldb() {
    JDBCDataSource hsqldb = new JDBCDataSource();
    hsqldb.setUrl("jdbc:hsqldb:mem:" + UUID.randomUUID());
    hsqldb.setUser("SA");
    hsqldb.setPassword("");
    return hsqldb;
  }

  /** Each row's columns joined by a space. */
  private static List<String> history(DataSource dataSource, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getString(i));
        }
        rows.add(String.join(" ", row));
      }
    }
    return rows;
  }

  private static List<String> statements(String resource) throws IOException {
    try (InputStream in = SchemaMigrationTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("--"))
          .toList();
    }
  }
}
