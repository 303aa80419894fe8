package io.fulcrum.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

class LogRedactionTest {

  private static final String MARKER = "acct-MARKER-4711";

  /** As a refused insert reaches the log: wrapped by Hibernate, JPA and the transaction. */
  private static Throwable databaseFailure() {
    SQLException sql =
        new SQLException("Value too long for column ACCOUNT_ID: '" + MARKER + "'", "22001", 22001);
    PersistenceException jpa =
        new PersistenceException("could not execute batch [" + MARKER + "]", sql);
    RuntimeException wrapper = new RuntimeException(jpa);
    return new TransactionalException("commit failed", wrapper);
  }

  @Test
  void aDatabaseFailureChain_isLoggedWithoutTheValues_butWithClassesAndSqlState() {
    String printed = stackTrace(LogRedaction.redacted(databaseFailure()));
    assertThat(printed)
        .doesNotContain(MARKER)
        .contains("jakarta.transaction.TransactionalException: commit failed")
        .contains("jakarta.persistence.PersistenceException")
        .contains("java.sql.SQLException [SQLState 22001, vendor code 22001]")
        .contains("message withheld")
        .contains("LogRedactionTest.databaseFailure");
    assertThat(stackTrace(databaseFailure())).contains(MARKER);
  }

  @Test
  void whatADriverExceptionWasCausedBy_isWithheldToo() {
    SQLException conversion = new SQLException("Data conversion error", "22018");
    conversion.initCause(new NumberFormatException("For input string: \"" + MARKER + "\""));
    String printed =
        stackTrace(LogRedaction.redacted(new PersistenceException("query failed", conversion)));
    assertThat(printed).doesNotContain(MARKER).contains("java.lang.NumberFormatException");
  }

  @Test
  void aChainWithoutDataBearingExceptions_isLoggedAsItIs() {
    IllegalStateException e = new IllegalStateException("chain head missing");
    assertThat(LogRedaction.redacted(e)).isSameAs(e);
  }

  @Test
  void theHandlerFilter_redactsWhateverLoggerLogsIt_messageIncluded() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamHandler handler = new StreamHandler(out, new SimpleFormatter());
    handler.setFilter(new LogRedaction.RedactingFilter(null));
    Logger logger = Logger.getLogger("test.transaction-manager");
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    try {
      Throwable e = databaseFailure();
      Throwable sql = e.getCause().getCause().getCause();
      logger.log(Level.WARNING, "after completion failed: " + sql.getMessage(), e);
      handler.flush();
    } finally {
      logger.removeHandler(handler);
    }
    String logged = out.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("after completion failed").doesNotContain(MARKER);
  }

  private static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
