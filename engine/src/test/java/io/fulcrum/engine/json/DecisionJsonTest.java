package io.fulcrum.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionJson} against Jackson on 1,000 random decisions built field by field: every step
 * kind, nulls where a field may be null, empty and non-empty flags and moves, decimals of every
 * scale and sign (plain notation, also for exponents), text with quotes, backslashes, control
 * characters, non-ASCII and surrogate pairs (written by Jackson: the fallback), map values of every
 * kind. The shipped policies' decisions are compared in the rules module
 * (DecisionJsonAgreementTest). Well under a second.
 */
class DecisionJsonTest {

  private static final String ALPHABET =
      "abcXYZ019 .,:-_\"\\/\n\t\r\b\f\u0000\u0001\u001f\u007f\u00e9\u00df\u20ac\u4e2d%<>&'";

  @Test
  void thousandRandomDecisions_areWrittenAsJacksonWritesThem() {
    SplittableRandom random = new SplittableRandom(2026);
    long fallbacks = DecisionJson.fallbacks();
    for (int i = 0; i < 1_000; i++) {
      MarginDecision d = decision(random, i);
      assertThat(new String(DecisionJson.canonicalBytes(d), StandardCharsets.UTF_8))
          .as("decision %d", i)
          .isEqualTo(Json.canonical(d));
      assertThat(DecisionJson.hash(d)).as("decision %d", i).isEqualTo(jacksonHash(d));
      // One write gives both: the hash Jackson's bytes give, and the stamped decision's JSON.
      DecisionJson.Stamped stamped = DecisionJson.stamped(d);
      assertThat(stamped.decision().decisionHash()).as("decision %d", i).isEqualTo(jacksonHash(d));
      assertThat(stamped.json())
          .as("decision %d", i)
          .isEqualTo(Json.canonical(d.withHash(jacksonHash(d))));
    }
    // No surrogates here: every one was written by the direct writer, none by the fallback.
    assertThat(DecisionJson.fallbacks()).isEqualTo(fallbacks);
  }

  @Test
  void whatItCannotWriteExactly_isWrittenByJackson() {
    SplittableRandom random = new SplittableRandom(7);
    // A surrogate pair, a double and an unsorted map: all through the fallback, same bytes.
    Calculation calc =
        new Calculation("account", "x", "a * b", new TreeMap<>(), Double.valueOf(0.1));
    HashMap<String, Object> unsorted = new HashMap<>();
    unsorted.put("b", "2");
    unsorted.put("a", "1");
    Calculation calc2 = new Calculation("account", "y", "f", new TreeMap<>(), unsorted);
    for (List<ExplanationStep> steps :
        List.<List<ExplanationStep>>of(List.of(calc), List.of(calc2))) {
      MarginDecision base = decision(random, 1);
      MarginDecision d =
          new MarginDecision(
              base.accountId(),
              base.policy(),
              base.asOf(),
              base.currency(),
              base.status(),
              base.initialMargin(),
              base.maintenanceMargin(),
              base.marginBalance(),
              base.marginRatio(),
              base.walletBalance(),
              base.unrealisedPnl(),
              new TreeMap<>(java.util.Map.of("emoji \ud83d\ude00", BigDecimal.ONE)),
              base.flags(),
              base.liquidationMoves(),
              base.positions(),
              new Explanation(true, steps),
              "h");
      assertThat(new String(DecisionJson.canonicalBytes(d), StandardCharsets.UTF_8))
          .isEqualTo(Json.canonical(d));
      assertThat(DecisionJson.hash(d)).isEqualTo(jacksonHash(d));
      DecisionJson.Stamped stamped = DecisionJson.stamped(d);
      assertThat(stamped.decision().decisionHash()).isEqualTo(jacksonHash(d));
      assertThat(stamped.json()).isEqualTo(Json.canonical(d.withHash(jacksonHash(d))));
    }
  }

  /**
   * The hash as the engine computed it before the direct writer: Jackson's UTF-8 generator streamed
   * into the digest (which, unlike {@code String.getBytes}, writes a surrogate pair as two 3-byte
   * sequences; the fallback keeps that).
   */
  static String jacksonHash(MarginDecision d) {
    return Sha256.hexOfWritten(
        o -> Json.mapper().writerFor(MarginDecision.class).writeValue(o, d.withHash(null)));
  }

  private static MarginDecision decision(SplittableRandom r, int i) {
    List<Flag> flags = new ArrayList<>();
    for (int f = r.nextInt(3); f > 0; f--) {
      flags.add(new Flag(text(r), text(r), text(r)));
    }
    List<LiquidationMove> moves = new ArrayList<>();
    for (int m = r.nextInt(3); m > 0; m--) {
      moves.add(
          new LiquidationMove(
              "U" + text(r),
              List.of(text(r), text(r)),
              nullable(r, text(r)),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              nullable(r, text(r)),
              text(r)));
    }
    List<PositionFigures> positions = new ArrayList<>();
    for (int p = r.nextInt(4); p > 0; p--) {
      positions.add(
          new PositionFigures(
              text(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              decimal(r),
              map(r, 2)));
    }
    List<ExplanationStep> steps = new ArrayList<>();
    for (int s = r.nextInt(8); s > 0; s--) {
      steps.add(step(r));
    }
    TreeMap<String, BigDecimal> metrics = new TreeMap<>();
    for (int m = r.nextInt(3); m > 0; m--) {
      metrics.put(text(r), decimal(r));
    }
    return new MarginDecision(
        nullable(r, "acc-" + i + text(r)),
        r.nextInt(10) == 0 ? null : new PolicyStamp(text(r), "" + r.nextInt(9), text(r)),
        r.nextInt(10) == 0
            ? null
            : Instant.ofEpochSecond(r.nextLong(4_000_000_000L), r.nextInt(3) * 1_000_000L),
        text(r),
        r.nextInt(10) == 0 ? null : DecisionStatus.values()[r.nextInt(3)],
        decimal(r),
        decimal(r),
        decimal(r),
        decimal(r),
        decimal(r),
        decimal(r),
        r.nextInt(10) == 0 ? null : metrics,
        flags,
        moves,
        positions,
        r.nextInt(10) == 0
            ? (r.nextBoolean() ? null : Explanation.notCaptured())
            : new Explanation(true, steps),
        nullable(r, text(r)));
  }

  private static ExplanationStep step(SplittableRandom r) {
    return switch (r.nextInt(5)) {
      case 0 -> new Calculation(text(r), text(r), text(r), map(r, 2), value(r, 2));
      case 1 -> new DecisionEvaluated(text(r), text(r), text(r), map(r, 2), value(r, 2));
      case 2 -> {
        List<TableHit.TableRow> rows = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
          rows.add(
              new TableHit.TableRow(
                  r.nextInt(100),
                  List.of(text(r), text(r)),
                  List.of(text(r)),
                  nullable(r, text(r))));
        }
        yield new TableHit(
            text(r),
            text(r),
            "UNIQUE",
            map(r, 2),
            List.of(r.nextInt(20)),
            r.nextBoolean() ? List.of() : List.of(r.nextInt(20), r.nextInt(20)),
            rows,
            value(r, 2));
      }
      case 3 -> {
        List<RuleFired.Assignment> set = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
          set.add(new RuleFired.Assignment(text(r), text(r), value(r, 1)));
        }
        yield new RuleFired(text(r), text(r), nullable(r, text(r)), List.of(text(r), text(r)), set);
      }
      default -> {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put(text(r), text(r));
        yield new MeasureCalled(
            text(r), text(r), text(r), parameters, map(r, 1), decimal(r), text(r), map(r, 2));
      }
    };
  }

  private static SortedMap<String, Object> map(SplittableRandom r, int depth) {
    TreeMap<String, Object> map = new TreeMap<>();
    for (int k = r.nextInt(4); k > 0; k--) {
      map.put(text(r), value(r, depth));
    }
    return map;
  }

  private static Object value(SplittableRandom r, int depth) {
    return switch (r.nextInt(depth > 0 ? 9 : 7)) {
      case 0 -> null;
      case 1 -> text(r);
      case 2 -> r.nextInt();
      case 3 -> r.nextLong();
      case 4 -> r.nextBoolean();
      case 5 -> decimal(r);
      case 6 -> DecisionStatus.values()[r.nextInt(3)];
      case 7 -> java.util.Arrays.asList(decimal(r), text(r), r.nextInt(5));
      default -> map(r, depth - 1);
    };
  }

  private static BigDecimal decimal(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> null;
      case 1 -> BigDecimal.valueOf(r.nextLong(), r.nextInt(-5, 25));
      case 2 ->
          new BigDecimal(
              new BigInteger(100, new java.util.Random(r.nextLong())), r.nextInt(-3, 40));
      case 3 -> new BigDecimal("1E+" + r.nextInt(12));
      case 4 -> BigDecimal.valueOf(-r.nextInt(1000), r.nextInt(8));
      default -> BigDecimal.valueOf(r.nextInt(100_000), 2);
    };
  }

  private static String text(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    for (int k = r.nextInt(12); k > 0; k--) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private static <T> T nullable(SplittableRandom r, T value) {
    return r.nextInt(10) == 0 ? null : value;
  }
}
