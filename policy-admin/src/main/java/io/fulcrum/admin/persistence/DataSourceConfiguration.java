package io.fulcrum.admin.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's database, chosen by configuration (MicroProfile Config: system properties or
 * environment variables such as {@code FULCRUM_DB_URL}). Defaults to an in-memory H2 database (the
 * Arquillian tests'); {@code fulcrum-service} passes its embedded default, an HSQLDB file database
 * that syncs every commit (see {@link StoreDurability}), or the configured PostgreSQL.
 *
 * <p>The defaults are written here, in Payara's {@code ${MPCONFIG=key:default}} form, because the
 * data source is created before {@code META-INF/microprofile-config.properties} is read.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = DataSourceConfiguration.JNDI_NAME,
    className = "${MPCONFIG=fulcrum.db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
    url = "${MPCONFIG=fulcrum.db.url:jdbc:h2:mem:fulcrum;DB_CLOSE_DELAY=-1}",
    user = "${MPCONFIG=fulcrum.db.user:sa}",
    password = "${MPCONFIG=fulcrum.db.password:}",
    minPoolSize = 2,
    maxPoolSize = 32)
public class DataSourceConfiguration {

  public static final String JNDI_NAME = "java:app/jdbc/fulcrum";
}
