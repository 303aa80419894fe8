package io.fulcrum.admin.rest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps request data out of the server log. Database drivers, Hibernate, JPA and Jackson put the
 * values they were given into their exception messages (a refused insert quotes the account id; a
 * PostgreSQL batch error quotes every bound parameter, i.e. the whole request and decision JSON),
 * and the container logs such exceptions several times on their way out. So:
 *
 * <ul>
 *   <li>{@link #redacted(Throwable)} copies an exception chain with the messages of those exception
 *       families withheld (class, SQLState and vendor code kept, stack frames kept), and withholds
 *       the message of any wrapper that quotes a withheld message;
 *   <li>{@link #install()} puts a filter on every handler of the root logger that applies it to
 *       every logged exception, whoever logs it (Payara's transaction manager, Jersey, the web
 *       container, our own error mappers), and silences the loggers that print SQL, bound values or
 *       driver error text as the log message itself.
 * </ul>
 *
 * <p>Payara Micro runs this one application, so changing the JVM's logging configuration is ours to
 * do. No library offers redaction of JUL records by exception type; this is small and tested.
 */
public final class LogRedaction {

  /**
   * Loggers that write statements, bound values or driver error messages as the message text. Kept
   * strongly referenced: JUL holds loggers weakly and would forget the level.
   */
  private static final List<Logger> SILENCED =
      List.of(
          Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper"),
          Logger.getLogger("org.hibernate.SQL"),
          Logger.getLogger("org.hibernate.orm.jdbc.bind"),
          Logger.getLogger("org.hibernate.orm.jdbc.extract"),
          Logger.getLogger("org.hibernate.type.descriptor.jdbc"),
          Logger.getLogger("org.postgresql"));

  /**
   * Container loggers that log exceptions on their way out, filtered themselves too, in case a
   * record reaches a handler that is not the root logger's.
   */
  private static final List<Logger> CONTAINER =
      List.of(
          Logger.getLogger("jakarta.enterprise.web"),
          Logger.getLogger("javax.enterprise.web"),
          Logger.getLogger("javax.enterprise.web.core"),
          Logger.getLogger("javax.enterprise.system.container.web"),
          Logger.getLogger("javax.enterprise.system.core.transaction.com.sun.jts.jta"),
          Logger.getLogger("org.glassfish.jersey.server.ServerRuntime$Responder"),
          Logger.getLogger("jakarta.enterprise.resource.resourceadapter"),
          Logger.getLogger("jakarta.enterprise.system.container.ejb"));

  private static final String[] DATA_BEARING_PACKAGES = {
    "org.hibernate.",
    "jakarta.persistence.",
    "org.h2.",
    "org.postgresql.",
    "com.fasterxml.jackson.",
    "io.fulcrum.engine.domain.InvalidRequest",
    // names the input values (from the request) that matched no table row
    "io.fulcrum.engine.runtime.DecisionTableNoMatch"
  };

  private LogRedaction() {}

  /** Installs the handler filter and silences the SQL loggers; safe to call more than once. */
  public static synchronized void install() {
    SILENCED.forEach(l -> l.setLevel(Level.OFF));
    for (Handler h : Logger.getLogger("").getHandlers()) {
      if (!(h.getFilter() instanceof RedactingFilter)) {
        h.setFilter(new RedactingFilter(h.getFilter()));
      }
    }
    for (Logger l : CONTAINER) {
      if (!(l.getFilter() instanceof RedactingFilter)) {
        l.setFilter(new RedactingFilter(l.getFilter()));
      }
    }
  }

  /** Whether {@code e}'s own message may quote data it was given. */
  static boolean bearsData(Throwable e) {
    if (e instanceof SQLException) {
      return true;
    }
    String name = e.getClass().getName();
    for (String p : DATA_BEARING_PACKAGES) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** A copy of {@code e}'s chain safe to log; {@code e} itself if nothing in it bears data. */
  public static Throwable redacted(Throwable e) {
    List<String> withheld = withheldMessages(e);
    return withheld.isEmpty() ? e : copy(e, withheld, new IdentityHashMap<>());
  }

  /**
   * The messages in {@code e}'s chain that must not be logged: those of data-bearing exceptions and
   * of everything they were caused by (a driver's own causes quote the value too, e.g. a
   * NumberFormatException under a conversion error).
   */
  static List<String> withheldMessages(Throwable e) {
    List<String> withheld = new ArrayList<>();
    boolean below = false;
    int depth = 0;
    for (Throwable t = e; t != null && !(t instanceof Redacted) && depth < 64; t = t.getCause()) {
      below = below || bearsData(t);
      if (below && t.getMessage() != null && !t.getMessage().isEmpty()) {
        withheld.add(t.getMessage());
      }
      depth++;
    }
    return withheld;
  }

  /** {@code text} with every withheld message in it replaced. */
  static String scrubbed(String text, List<String> withheld) {
    String out = text;
    for (String w : withheld) {
      out = out.replace(w, "(withheld)");
    }
    return out;
  }

  private static Throwable copy(Throwable e, List<String> withheld, Map<Throwable, Redacted> seen) {
    if (e == null || e instanceof Redacted) {
      return e;
    }
    Redacted existing = seen.get(e);
    if (existing != null) {
      return existing;
    }
    Redacted r = new Redacted(describe(e, withheld));
    seen.put(e, r);
    r.setStackTrace(e.getStackTrace());
    Throwable cause = e.getCause() == e ? null : copy(e.getCause(), withheld, seen);
    if (cause != null) {
      r.initCause(cause);
    }
    for (Throwable s : e.getSuppressed()) {
      r.addSuppressed(copy(s, withheld, seen));
    }
    return r;
  }

  private static String describe(Throwable e, List<String> withheld) {
    String name = e.getClass().getName();
    String message = e.getMessage();
    String sql =
        e instanceof SQLException s
            ? " [SQLState " + s.getSQLState() + ", vendor code " + s.getErrorCode() + "]"
            : "";
    if (message == null) {
      return name + sql;
    }
    boolean quotes = withheld.stream().anyMatch(w -> message.contains(w) || w.equals(message));
    if (bearsData(e) || quotes) {
      return name + sql + ": (message withheld from the log: it may quote request data)";
    }
    return name + sql + ": " + message;
  }

  /** A logged stand-in for an exception; prints as the original class with a safe message. */
  static final class Redacted extends RuntimeException {
    private final String text;

    Redacted(String text) {
      super(text);
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Redacts the exception of every record before the wrapped filter (if any) decides. */
  static final class RedactingFilter implements Filter {
    private final Filter next;

    RedactingFilter(Filter next) {
      this.next = next;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      Throwable thrown = record.getThrown();
      List<String> withheld = withheldMessages(thrown);

      if (!withheld.isEmpty()) {
        if (record.getMessage() != null) {
          record.setMessage(scrubbed(record.getMessage(), withheld));
        }
        record.setThrown(copy(thrown, withheld, new IdentityHashMap<>()));
      }
      return next == null || next.isLoggable(record);
    }
  }
}
