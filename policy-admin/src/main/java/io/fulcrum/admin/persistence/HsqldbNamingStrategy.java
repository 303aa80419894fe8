package io.fulcrum.admin.persistence;

import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.dialect.HSQLDialect;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Table and column names as written in the entities, except on HSQLDB (the embedded default store),
 * where each one is quoted in upper case. HSQLDB reserves words the schema uses as column names
 * ({@code AT} in {@code policy_event}); a quoted upper-case name is the very name HSQLDB gives an
 * unquoted one, so queries and tools see the usual names, and keywords are allowed. Names on H2 and
 * PostgreSQL are unchanged, so their existing databases keep matching the entities.
 */
public final class HsqldbNamingStrategy extends PhysicalNamingStrategyStandardImpl {

  @Override
  public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment jdbc) {
    return onHsqldb(name, jdbc);
  }

  @Override
  public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment jdbc) {
    return onHsqldb(name, jdbc);
  }

  private static Identifier onHsqldb(Identifier name, JdbcEnvironment jdbc) {
    if (name == null || !(jdbc.getDialect() instanceof HSQLDialect)) {
      return name;
    }
    return Identifier.toIdentifier(name.getText().toUpperCase(Locale.ROOT), true);
  }
}
