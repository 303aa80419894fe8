package io.fulcrum.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.compare.Difference.Kind;
import io.fulcrum.engine.compare.Difference.TableOutcome;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.Explanation;
import io.fulcrum.engine.explain.ExplanationStep;
import io.fulcrum.engine.explain.MeasureCalled;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.explain.TableHit;
import io.fulcrum.engine.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DecisionComparisonTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  private static <V> SortedMap<String, V> map(Map<String, V> m) {
    return new TreeMap<>(m);
  }

  private static PositionFigures position(
      String instrument, String im, String mm, String lp, Map<String, Object> parameters) {
    return new PositionFigures(
        instrument,
        d("2"),
        d("30000"),
        d("60000"),
        d("-100"),
        d(im),
        d(mm),
        lp == null ? null : d(lp),
        null,
        map(parameters));
  }

  private static MarginDecision decision(
      String version,
      DecisionStatus status,
      String im,
      String mm,
      String ratio,
      Map<String, BigDecimal> metrics,
      List<Flag> flags,
      List<PositionFigures> positions,
      List<ExplanationStep> steps) {
    return new MarginDecision(
        "acct-1",
        new PolicyStamp("tiered-perps", version, "hash-" + version),
        Instant.parse("2026-11-30T10:00:00Z"),
        "USDT",
        status,
        d(im),
        d(mm),
        d("2000"),
        ratio == null ? null : d(ratio),
        d("2100"),
        d("-100"),
        map(metrics),
        flags,
        positions,
        new Explanation(!steps.isEmpty(), steps),
        "decision-hash-" + version);
  }

  private static final PositionFigures BTC =
      position(
          "BTCUSDT", "600", "300", "40000", Map.of("bracket", d("2"), "maxLeverage", d("125")));
  private static final PositionFigures ETH =
      position("ETHUSDT", "400", "200", null, Map.of("bracket", d("1")));

  private static MarginDecision baseline() {
    return decision(
        "1",
        DecisionStatus.OK,
        "1000",
        "500",
        "0.25",
        Map.of("x", d("1")),
        List.of(),
        List.of(BTC, ETH),
        List.of());
  }

  @Test
  void equalDecisions_haveNoDifferences_evenUnderAnotherVersion_andWithOtherScales() {
    MarginDecision a = baseline();
    MarginDecision b =
        decision(
            "2", // another stamp and hash: not results
            DecisionStatus.OK,
            "1000.00",
            "500.0",
            "0.250",
            Map.of("x", d("1.000")),
            List.of(),
            List.of(
                position(
                    "BTCUSDT",
                    "600.0",
                    "300",
                    "40000.00",
                    Map.of("bracket", d("2"), "maxLeverage", d("125.0"))),
                ETH),
            List.of());

    assertThat(DecisionComparison.RESULTS.between(a, b)).isEmpty();
    assertThat(DecisionComparison.RESULTS.differs(a, b)).isFalse();
    assertThat(DecisionComparison.RESULTS.withExplanation().between(a, a)).isEmpty();
  }

  @Test
  void handMadeDifferences_areFoundExactly_inDecisionOrder() {
    MarginDecision a = baseline();
    MarginDecision b =
        decision(
            "2",
            DecisionStatus.MARGIN_CALL,
            "1000",
            "550",
            null,
            Map.of("x", d("1"), "y", d("2")),
            List.of(new Flag("highLeverage", "Leverage check", "27.3 > 20")),
            List.of(
                // another order: positions are matched by instrument
                ETH,
                position(
                    "BTCUSDT",
                    "600",
                    "350",
                    "40000",
                    Map.of("bracket", d("2"), "maxLeverage", d("75")))),
            List.of());

    List<Difference> differences = DecisionComparison.RESULTS.between(a, b);

    assertThat(differences)
        .containsExactly(
            new Difference("status", Kind.CHANGED, "OK", "MARGIN_CALL", null),
            new Difference("maintenanceMargin", Kind.CHANGED, d("500"), d("550"), d("50")),
            new Difference("marginRatio", Kind.REMOVED, d("0.25"), null, null),
            new Difference("metrics.y", Kind.ADDED, null, d("2"), null),
            new Difference(
                "flags", Kind.ADDED, List.of(), List.of("highLeverage (Leverage check)"), null),
            new Difference(
                "positions[BTCUSDT].maintenanceMargin", Kind.CHANGED, d("300"), d("350"), d("50")),
            new Difference(
                "positions[BTCUSDT].parameters.maxLeverage",
                Kind.CHANGED,
                d("125"),
                d("75"),
                d("-50")));
    assertThat(differences)
        .extracting(Difference::text)
        .containsExactly(
            "status: OK -> MARGIN_CALL",
            "maintenanceMargin: 500 -> 550",
            "marginRatio: 0.25 -> none",
            "metrics.y: none -> 2",
            "flags: [] -> [highLeverage (Leverage check)]",
            "position BTCUSDT maintenanceMargin: 300 -> 350",
            "position BTCUSDT parameter maxLeverage: 125 -> 75");
    assertThat(differences.get(5).position()).isEqualTo("BTCUSDT");
    assertThat(differences.get(5).field()).isEqualTo("maintenanceMargin");
    assertThat(differences.get(0).position()).isNull();
    assertThat(differences.get(0).field()).isEqualTo("status");
  }

  @Test
  void decisionJsonDocuments_compareLikeTheDecisions() throws Exception {
    MarginDecision a = baseline();
    MarginDecision b =
        decision(
            "1",
            DecisionStatus.OK,
            "1000",
            "512.5",
            "0.25",
            Map.of("x", d("1")),
            List.of(),
            List.of(BTC),
            List.of());
    var ta = Json.mapper().readTree(Json.canonical(a));
    var tb = Json.mapper().readTree(Json.canonical(b));

    List<Difference> fromJson = DecisionComparison.RESULTS.between(ta, tb);

    assertThat(fromJson).isEqualTo(DecisionComparison.RESULTS.between(a, b));
    assertThat(fromJson)
        .extracting(x -> x.path() + " " + x.kind() + " " + x.delta())
        .containsExactly("maintenanceMargin CHANGED 12.5", "positions[ETHUSDT] REMOVED null");
    assertThat(fromJson.get(1).field()).isEqualTo("position");
    assertThatThrownBy(() -> DecisionComparison.RESULTS.between(ta, ta.get("positions")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON objects");
  }

  @Test
  void tolerance_appliesToMoneyFiguresOnly() {
    MarginDecision a = baseline();
    MarginDecision b =
        decision(
            "1",
            DecisionStatus.OK,
            "1000.4",
            "499.0",
            "0.2501",
            Map.of("x", d("1")),
            List.of(),
            List.of(BTC, ETH),
            List.of());
    DecisionComparison shadow = DecisionComparison.RESULTS.withTolerance(d("1"));

    assertThat(shadow.between(a, b))
        .containsExactly(
            new Difference("marginRatio", Kind.CHANGED, d("0.25"), d("0.2501"), d("0.0001")));
    assertThat(DecisionComparison.RESULTS.withTolerance(d("0.5")).between(a, b))
        .extracting(Difference::path)
        .containsExactly("maintenanceMargin", "marginRatio");
    assertThatThrownBy(() -> DecisionComparison.RESULTS.withTolerance(d("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance must not be negative");
  }

  @Test
  void explanation_isComparedOnlyWhenAsked_bySteps() {
    TableHit row2 = hit("position BTCUSDT", 2, d("2"), d("0.005"), d("125"));
    TableHit row3 = hit("position BTCUSDT", 3, d("3"), d("0.0125"), d("50"));
    TableHit row3Before = hit("position BTCUSDT", 3, d("3"), d("0.010"), d("50"));
    RuleFired bracketRule =
        new RuleFired("position BTCUSDT", "Bracket margin", "requirements", List.of(), List.of());
    RuleFired callRule = new RuleFired("account", "Margin call", "status", List.of(), List.of());
    MeasureCalled es = expectedShortfall(d("1234.50"));
    MeasureCalled esAfter = expectedShortfall(d("1300"));
    // The same step at another liquidation price is the same step.
    TableHit atLp =
        hit("position BTCUSDT at liquidation price 41000.5", 2, d("2"), d("0.005"), d("125"));
    TableHit atLp2 =
        hit("position BTCUSDT at liquidation price 39999", 2, d("2"), d("0.005"), d("125"));

    MarginDecision a = withSteps("1", List.of(row3Before, bracketRule, es, atLp));
    MarginDecision b = withSteps("2", List.of(bracketRule, row3, callRule, esAfter, atLp2));

    assertThat(DecisionComparison.RESULTS.between(a, b)).isEmpty();
    List<Difference> steps = DecisionComparison.RESULTS.withExplanation().between(a, b);
    assertThat(steps).isEqualTo(DecisionComparison.explanations(a, b));
    assertThat(steps)
        .extracting(x -> x.kind() + " " + x.text())
        .containsExactly(
            "CHANGED position BTCUSDT: table 'BTC maintenance brackets' row 3: maintenanceMarginRate"
                + " 0.01 -> 0.0125",
            "REMOVED account: measure es (historical-es) = 1234.50",
            "ADDED account: rule 'Margin call'",
            "ADDED account: measure es (historical-es) = 1300");
    assertThat(steps.get(0).path())
        .isEqualTo("explanation[position BTCUSDT: table 'BTC maintenance brackets']");
    assertThat(steps.get(0).before())
        .isEqualTo(
            new TableOutcome(
                List.of(3),
                Map.of(
                    "bracket",
                    d("3"),
                    "maintenanceMarginRate",
                    d("0.010"),
                    "maxLeverage",
                    d("50"))));
    assertThat(steps).allMatch(Difference::inExplanation);

    // Another row selected: both row numbers are named.
    MarginDecision c = withSteps("3", List.of(row2, bracketRule, es, atLp));
    assertThat(DecisionComparison.explanations(a, c))
        .extracting(Difference::text)
        .containsExactly(
            "position BTCUSDT: table 'BTC maintenance brackets' row 3 -> row 2: bracket 3 -> 2,"
                + " maintenanceMarginRate 0.01 -> 0.005, maxLeverage 50 -> 125");
  }

  @Test
  void flagDetails_areExplanation() {
    MarginDecision a = withFlag(new Flag("highLeverage", "Leverage check", "27.3 > 20"));
    MarginDecision b = withFlag(new Flag("highLeverage", "Leverage check", "27.3 > 25"));

    assertThat(DecisionComparison.RESULTS.between(a, b)).isEmpty();
    assertThat(DecisionComparison.RESULTS.withExplanation().between(a, b))
        .containsExactly(
            new Difference(
                "flags[highLeverage (Leverage check)].detail",
                Kind.CHANGED,
                "27.3 > 20",
                "27.3 > 25",
                null));
  }

  private static MarginDecision withFlag(Flag flag) {
    return decision(
        "1",
        DecisionStatus.OK,
        "1000",
        "500",
        "0.25",
        Map.of("x", d("1")),
        List.of(flag),
        List.of(BTC, ETH),
        List.of());
  }

  private static MarginDecision withSteps(String version, List<ExplanationStep> steps) {
    return decision(
        version,
        DecisionStatus.OK,
        "1000",
        "500",
        "0.25",
        Map.of("x", d("1")),
        List.of(),
        List.of(BTC, ETH),
        steps);
  }

  private static MeasureCalled expectedShortfall(BigDecimal value) {
    return new MeasureCalled(
        "account",
        "historical-es",
        "es",
        map(Map.of()),
        map(Map.of()),
        value,
        "USDT",
        map(Map.of()));
  }

  private static TableHit hit(
      String subject, int row, BigDecimal bracket, BigDecimal rate, BigDecimal leverage) {
    return new TableHit(
        subject,
        "BTC maintenance brackets",
        "UNIQUE",
        map(Map.of("notional", d("60000"))),
        List.of(row),
        List.of(row),
        List.of(),
        map(Map.of("bracket", bracket, "maintenanceMarginRate", rate, "maxLeverage", leverage)));
  }
}
