package io.fulcrum.engine.json;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.LiquidationMove;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.Calculation;
import io.fulcrum.engine.explain.DecisionEvaluated;
import io.fulcrum.engine.explain.Explanation;
import io.fulcrum.engine.explain.ExplanationStep;
import io.fulcrum.engine.explain.MeasureCalled;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.explain.TableHit;
import io.fulcrum.engine.support.Sha256;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical JSON of a {@link MarginDecision} written straight to UTF-8 bytes, without Jackson's
 * databind: the same bytes {@link Json#canonical} gives (records in declaration order, sorted maps
 * as they iterate, decimals as plain-notation strings, {@code kind} first in explanation steps,
 * empty flags and liquidation moves and a null bankruptcy price left out, Jackson's string
 * escapes), at a fraction of the cost. It is what decision hashes are computed over ({@link
 * #hash}).
 *
 * <p>Anything it does not know how to write exactly as Jackson would (a value type other than text,
 * decimals, integers, booleans, lists and sorted maps with text keys; a surrogate character) is not
 * guessed: the whole decision is written by Jackson instead. {@code DecisionJsonTest} pins the
 * bytes to Jackson's on every golden decision and on generated ones. Thread-safe (a buffer per
 * thread).
 */
public final class DecisionJson {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<Out> OUT = ThreadLocal.withInitial(Out::new);
  private static final java.util.concurrent.atomic.AtomicLong FALLBACKS =
      new java.util.concurrent.atomic.AtomicLong();

  private DecisionJson() {}

  /** Hex SHA-256 of the canonical JSON of {@code decision} with its hash field null. */
  public static String hash(MarginDecision decision) {
    Out out = OUT.get();
    out.reset();
    try {
      writeDecision(out, decision, false);
    } catch (Unsupported e) {
      FALLBACKS.incrementAndGet();
      return jacksonHash(decision);
    }
    MessageDigest digest = out.digest;
    digest.update(out.buf, 0, out.len);
    return HEX.formatHex(digest.digest());
  }

  /**
   * Hex SHA-256 of Jackson's canonical JSON of {@code decision} with its hash field null: the bytes
   * the direct writer reproduces, streamed into the digest (the writer's fallback, and {@code
   * -Dfulcrum.hash.jackson=true} for comparisons).
   */
  public static String jacksonHash(MarginDecision decision) {
    return Sha256.hexOfWritten(
        o -> Json.mapper().writerFor(MarginDecision.class).writeValue(o, decision.withHash(null)));
  }

  /** A decision stamped with its hash, and its canonical JSON (hash field included). */
  public record Stamped(MarginDecision decision, String json) {}

  private static final byte[] NULL_HASH_END =
      ",\"decisionHash\":null}".getBytes(StandardCharsets.US_ASCII);

  /**
   * {@code decision} stamped with its hash and its canonical JSON, from one write: the hash covers
   * the JSON with {@code "decisionHash":null}, the last field, so the stamped JSON is those bytes
   * with that {@code null} replaced by the quoted hash. The same as {@link #hash} then {@link
   * #canonicalBytes} of the stamped decision (DecisionJsonTest), for a caller that stores or
   * returns the JSON (the decision service) and so need not serialise the decision a second time.
   */
  public static Stamped stamped(MarginDecision decision) {
    Out out = OUT.get();
    out.reset();
    try {
      writeDecision(out, decision, false);
    } catch (Unsupported e) {
      FALLBACKS.incrementAndGet();
      MarginDecision withHash = decision.withHash(jacksonHash(decision));
      return new Stamped(withHash, Json.canonical(withHash));
    }
    MessageDigest digest = out.digest;
    digest.update(out.buf, 0, out.len);
    String hash = HEX.formatHex(digest.digest());
    int head = out.len - NULL_HASH_END.length;
    if (head < 0
        || !Arrays.equals(out.buf, head, out.len, NULL_HASH_END, 0, NULL_HASH_END.length)) {
      throw new IllegalStateException("the decision JSON does not end with its hash field");
    }
    // The bytes are UTF-8 (strings escaped as Jackson does); decisionHash is ASCII hex.
    String json =
        new String(out.buf, 0, head, StandardCharsets.UTF_8)
            + ",\"decisionHash\":\""
            + hash
            + "\"}";
    return new Stamped(decision.withHash(hash), json);
  }

  /** The canonical JSON bytes of {@code decision} as it is (hash field included). */
  public static byte[] canonicalBytes(MarginDecision decision) {
    Out out = OUT.get();
    out.reset();
    try {
      writeDecision(out, decision, true);
    } catch (Unsupported e) {
      FALLBACKS.incrementAndGet();
      return Json.canonical(decision).getBytes(StandardCharsets.UTF_8);
    }
    return Arrays.copyOf(out.buf, out.len);
  }

  /**
   * How many decisions were written by Jackson because the direct writer met something it does not
   * write (tests: the shipped policies' decisions never need it; each costs both writers).
   */
  public static long fallbacks() {
    return FALLBACKS.get();
  }

  /** Thrown where the direct writer would have to guess: Jackson writes the decision instead. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  private static void writeDecision(Out o, MarginDecision d, boolean withHash) {
    o.raw("{\"accountId\":");
    o.string(d.accountId());
    o.raw(",\"policy\":");
    stamp(o, d.policy());
    o.raw(",\"asOf\":");
    instant(o, d.asOf());
    o.raw(",\"currency\":");
    o.string(d.currency());
    o.raw(",\"status\":");
    o.string(d.status() == null ? null : d.status().name());
    o.raw(",\"initialMargin\":");
    o.decimal(d.initialMargin());
    o.raw(",\"maintenanceMargin\":");
    o.decimal(d.maintenanceMargin());
    o.raw(",\"marginBalance\":");
    o.decimal(d.marginBalance());
    o.raw(",\"marginRatio\":");
    o.decimal(d.marginRatio());
    o.raw(",\"walletBalance\":");
    o.decimal(d.walletBalance());
    o.raw(",\"unrealisedPnl\":");
    o.decimal(d.unrealisedPnl());
    o.raw(",\"metrics\":");
    map(o, d.metrics());
    if (!d.flags().isEmpty()) {
      o.raw(",\"flags\":[");
      for (int i = 0; i < d.flags().size(); i++) {
        if (i > 0) {
          o.comma();
        }
        flag(o, d.flags().get(i));
      }
      o.arrayEnd();
    }
    if (!d.liquidationMoves().isEmpty()) {
      o.raw(",\"liquidationMoves\":[");
      for (int i = 0; i < d.liquidationMoves().size(); i++) {
        if (i > 0) {
          o.comma();
        }
        move(o, d.liquidationMoves().get(i));
      }
      o.arrayEnd();
    }
    o.raw(",\"positions\":");
    if (d.positions() == null) {
      o.nul();
    } else {
      o.arrayStart();
      for (int i = 0; i < d.positions().size(); i++) {
        if (i > 0) {
          o.comma();
        }
        position(o, d.positions().get(i));
      }
      o.arrayEnd();
    }
    o.raw(",\"explanation\":");
    explanation(o, d.explanation());
    o.raw(",\"decisionHash\":");
    o.string(withHash ? d.decisionHash() : null);
    o.objectEnd();
  }

  private static void stamp(Out o, PolicyStamp s) {
    if (s == null) {
      o.nul();
      return;
    }
    o.raw("{\"id\":");
    o.string(s.id());
    o.raw(",\"version\":");
    o.string(s.version());
    o.raw(",\"hash\":");
    o.string(s.hash());
    o.objectEnd();
  }

  private static void instant(Out o, Instant instant) {
    if (instant == null) {
      o.nul();
    } else {
      // Jackson's InstantSerializer formats with DateTimeFormatter.ISO_INSTANT, as toString does.
      o.string(instant.toString());
    }
  }

  private static void flag(Out o, Flag f) {
    o.raw("{\"name\":");
    o.string(f.name());
    o.raw(",\"raisedBy\":");
    o.string(f.raisedBy());
    o.raw(",\"detail\":");
    o.string(f.detail());
    o.objectEnd();
  }

  private static void move(Out o, LiquidationMove m) {
    o.raw("{\"underlying\":");
    o.string(m.underlying());
    o.raw(",\"instruments\":");
    strings(o, m.instruments());
    o.raw(",\"measure\":");
    o.string(m.measure());
    o.raw(",\"referencePrice\":");
    o.decimal(m.referencePrice());
    o.raw(",\"liquidationLevel\":");
    o.decimal(m.liquidationLevel());
    o.raw(",\"liquidationMove\":");
    o.decimal(m.liquidationMove());
    o.raw(",\"priceAtLiquidation\":");
    o.decimal(m.priceAtLiquidation());
    o.raw(",\"marginCallLevel\":");
    o.decimal(m.marginCallLevel());
    o.raw(",\"marginCallMove\":");
    o.decimal(m.marginCallMove());
    o.raw(",\"priceAtMarginCall\":");
    o.decimal(m.priceAtMarginCall());
    o.raw(",\"maintenance\":");
    o.string(m.maintenance());
    o.raw(",\"assumptions\":");
    o.string(m.assumptions());
    o.objectEnd();
  }

  private static void position(Out o, PositionFigures p) {
    o.raw("{\"instrument\":");
    o.string(p.instrument());
    o.raw(",\"quantity\":");
    o.decimal(p.quantity());
    o.raw(",\"markPrice\":");
    o.decimal(p.markPrice());
    o.raw(",\"notional\":");
    o.decimal(p.notional());
    o.raw(",\"unrealisedPnl\":");
    o.decimal(p.unrealisedPnl());
    o.raw(",\"initialMargin\":");
    o.decimal(p.initialMargin());
    o.raw(",\"maintenanceMargin\":");
    o.decimal(p.maintenanceMargin());
    o.raw(",\"liquidationPrice\":");
    o.decimal(p.liquidationPrice());
    if (p.bankruptcyPrice() != null) {
      o.raw(",\"bankruptcyPrice\":");
      o.decimal(p.bankruptcyPrice());
    }
    o.raw(",\"parameters\":");
    map(o, p.parameters());
    o.objectEnd();
  }

  private static void explanation(Out o, Explanation e) {
    if (e == null) {
      o.nul();
      return;
    }
    o.raw(e.captured() ? "{\"captured\":true,\"steps\":[" : "{\"captured\":false,\"steps\":[");
    List<ExplanationStep> steps = e.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (i > 0) {
        o.comma();
      }
      step(o, steps.get(i));
    }
    o.arrayEnd();
    o.objectEnd();
  }

  private static void step(Out o, ExplanationStep step) {
    if (step instanceof RuleFired r) {
      o.raw("{\"kind\":\"RULE\",\"subject\":");
      o.string(r.subject());
      o.raw(",\"rule\":");
      o.string(r.rule());
      o.raw(",\"group\":");
      o.string(r.group());
      o.raw(",\"matched\":");
      strings(o, r.matched());
      o.raw(",\"set\":");
      if (r.set() == null) {
        o.nul();
      } else {
        o.arrayStart();
        for (int i = 0; i < r.set().size(); i++) {
          if (i > 0) {
            o.comma();
          }
          RuleFired.Assignment a = r.set().get(i);
          o.raw("{\"target\":");
          o.string(a.target());
          o.raw(",\"field\":");
          o.string(a.field());
          o.raw(",\"value\":");
          value(o, a.value());
          o.objectEnd();
        }
        o.arrayEnd();
      }
    } else if (step instanceof Calculation c) {
      o.raw("{\"kind\":\"CALCULATION\",\"subject\":");
      o.string(c.subject());
      o.raw(",\"name\":");
      o.string(c.name());
      o.raw(",\"formula\":");
      o.string(c.formula());
      o.raw(",\"inputs\":");
      map(o, c.inputs());
      o.raw(",\"result\":");
      value(o, c.result());
    } else if (step instanceof TableHit t) {
      o.raw("{\"kind\":\"DMN_TABLE\",\"subject\":");
      o.string(t.subject());
      o.raw(",\"table\":");
      o.string(t.table());
      o.raw(",\"hitPolicy\":");
      o.string(t.hitPolicy());
      o.raw(",\"inputs\":");
      map(o, t.inputs());
      o.raw(",\"matchedRows\":");
      integers(o, t.matchedRows());
      o.raw(",\"selectedRows\":");
      integers(o, t.selectedRows());
      o.raw(",\"rows\":");
      if (t.rows() == null) {
        o.nul();
      } else {
        o.arrayStart();
        for (int i = 0; i < t.rows().size(); i++) {
          if (i > 0) {
            o.comma();
          }
          TableHit.TableRow row = t.rows().get(i);
          o.raw("{\"row\":");
          o.integer(row.row());
          o.raw(",\"inputEntries\":");
          strings(o, row.inputEntries());
          o.raw(",\"outputEntries\":");
          strings(o, row.outputEntries());
          o.raw(",\"annotation\":");
          o.string(row.annotation());
          o.objectEnd();
        }
        o.arrayEnd();
      }
      o.raw(",\"output\":");
      value(o, t.output());
    } else if (step instanceof DecisionEvaluated d) {
      o.raw("{\"kind\":\"DMN_DECISION\",\"subject\":");
      o.string(d.subject());
      o.raw(",\"model\":");
      o.string(d.model());
      o.raw(",\"decision\":");
      o.string(d.decision());
      o.raw(",\"inputs\":");
      map(o, d.inputs());
      o.raw(",\"result\":");
      value(o, d.result());
    } else if (step instanceof MeasureCalled m) {
      o.raw("{\"kind\":\"MEASURE\",\"subject\":");
      o.string(m.subject());
      o.raw(",\"measure\":");
      o.string(m.measure());
      o.raw(",\"as\":");
      o.string(m.as());
      o.raw(",\"parameters\":");
      map(o, m.parameters());
      o.raw(",\"inputs\":");
      map(o, m.inputs());
      o.raw(",\"value\":");
      o.decimal(m.value());
      o.raw(",\"unit\":");
      o.string(m.unit());
      o.raw(",\"details\":");
      map(o, m.details());
    } else {
      throw UNSUPPORTED;
    }
    o.objectEnd();
  }

  private static void strings(Out o, List<String> list) {
    if (list == null) {
      o.nul();
      return;
    }
    o.arrayStart();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        o.comma();
      }
      o.string(list.get(i));
    }
    o.arrayEnd();
  }

  private static void integers(Out o, List<Integer> list) {
    if (list == null) {
      o.nul();
      return;
    }
    o.arrayStart();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        o.comma();
      }
      Integer v = list.get(i);
      if (v == null) {
        o.nul();
      } else {
        o.integer(v);
      }
    }
    o.arrayEnd();
  }

  /**
   * A sorted map: Jackson's ORDER_MAP_ENTRIES_BY_KEYS leaves a {@link SortedMap} in its own order.
   * Other maps, and keys other than text, go to Jackson.
   */
  private static void map(Out o, Map<String, ?> map) {
    if (map == null) {
      o.nul();
      return;
    }
    if (!(map instanceof SortedMap)) {
      throw UNSUPPORTED;
    }
    o.objectStart();
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object key = e.getKey();
      if (!(key instanceof String k)) {
        throw UNSUPPORTED;
      }
      if (!first) {
        o.comma();
      }
      first = false;
      o.string(k);
      o.colon();
      value(o, e.getValue());
    }
    o.objectEnd();
  }

  @SuppressWarnings("unchecked")
  private static void value(Out o, Object v) {
    if (v == null) {
      o.nul();
    } else if (v instanceof BigDecimal b) {
      o.decimal(b);
    } else if (v instanceof String s) {
      o.string(s);
    } else if (v instanceof Integer i) {
      o.integer(i);
    } else if (v instanceof Long l) {
      o.longValue(l);
    } else if (v instanceof Boolean b) {
      o.raw(b ? "true" : "false");
    } else if (v instanceof DecisionStatus status) {
      o.string(status.name()); // an enum without annotations: Jackson writes its name
    } else if (v instanceof List<?> list) {
      o.arrayStart();
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          o.comma();
        }
        value(o, list.get(i));
      }
      o.arrayEnd();
    } else if (v instanceof SortedMap<?, ?> m) {
      map(o, (Map<String, ?>) m);
    } else {
      throw UNSUPPORTED;
    }
  }

  /** A growing byte buffer, one per thread, and the thread's digest. */
  private static final class Out {
    byte[] buf = new byte[16 * 1024];
    int len;
    final MessageDigest digest = Sha256.digest();

    void reset() {
      if (buf.length > 1 << 20) {
        buf = new byte[16 * 1024]; // a large decision does not keep its buffer
      }
      len = 0;
    }

    private void ensure(int more) {
      if (len + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }

    void put(byte b) {
      if (len == buf.length) {
        ensure(1);
      }
      buf[len++] = b;
    }

    /** ASCII text known to need no escaping. */
    void raw(String ascii) {
      int n = ascii.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) ascii.charAt(i);
      }
    }

    void comma() {
      put((byte) ',');
    }

    void colon() {
      put((byte) ':');
    }

    void objectStart() {
      put((byte) '{');
    }

    void objectEnd() {
      put((byte) '}');
    }

    void arrayStart() {
      put((byte) '[');
    }

    void arrayEnd() {
      put((byte) ']');
    }

    void nul() {
      raw("null");
    }

    void integer(int v) {
      raw(Integer.toString(v));
    }

    void longValue(long v) {
      raw(Long.toString(v));
    }

    /** Jackson.PlainDecimal: the plain notation as a JSON string. */
    @SuppressWarnings("deprecation") // the low-byte copy is what is wanted: the chars are ASCII
    private void copyAscii(String s, int count) {
      s.getBytes(0, count, buf, len);
      len += count;
    }

    void decimal(BigDecimal v) {
      if (v == null) {
        nul();
        return;
      }
      String s = v.toPlainString();
      ensure(s.length() + 2);
      buf[len++] = '"';
      for (int i = 0; i < s.length(); i++) {
        buf[len++] = (byte) s.charAt(i);
      }
      buf[len++] = '"';
    }

    /**
     * A JSON string as Jackson's UTF-8 generator writes it: {@code "} and {@code \} escaped with a
     * backslash, {@code \b \t \n \f \r} short, other controls as {@code \}{@code u00XX} (upper-case
     * hex), everything else as UTF-8. Surrogates go to Jackson.
     */
    void string(String s) {
      if (s == null) {
        nul();
        return;
      }
      int n = s.length();
      ensure(n * 3 + 2);
      buf[len++] = '"';
      // Most texts are plain ASCII needing no escape: find how far that holds, copy that run in
      // bulk (String.getBytes(int, int, byte[], int) copies each char's low byte, exact for ASCII),
      // and write the rest char by char.
      int plain = 0;
      while (plain < n) {
        char c = s.charAt(plain);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
          break;
        }
        plain++;
      }
      if (plain > 0) {
        copyAscii(s, plain);
      }
      for (int i = plain; i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          if (c >= 0x20 && c != '"' && c != '\\') {
            buf[len++] = (byte) c;
          } else {
            escape(c);
          }
        } else if (c < 0x800) {
          buf[len++] = (byte) (0xC0 | (c >> 6));
          buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
          throw UNSUPPORTED;
        } else {
          buf[len++] = (byte) (0xE0 | (c >> 12));
          buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      ensure(1);
      buf[len++] = '"';
    }

    private void escape(char c) {
      ensure(6);
      buf[len++] = '\\';
      switch (c) {
        case '"' -> buf[len++] = '"';
        case '\\' -> buf[len++] = '\\';
        case '\b' -> buf[len++] = 'b';
        case '\t' -> buf[len++] = 't';
        case '\n' -> buf[len++] = 'n';
        case '\f' -> buf[len++] = 'f';
        case '\r' -> buf[len++] = 'r';
        default -> {
          buf[len++] = 'u';
          buf[len++] = '0';
          buf[len++] = '0';
          buf[len++] = HEX_UPPER[c >> 4];
          buf[len++] = HEX_UPPER[c & 0xF];
        }
      }
    }
  }
}
