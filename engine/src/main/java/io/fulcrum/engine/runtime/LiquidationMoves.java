package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.LiquidationMove;
import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.MetricDisplay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The liquidation move of each underlying of an account ({@link LiquidationMove}), for policies
 * whose manifest declares the measure they decide by ({@code metrics:} with {@code liquidation} /
 * {@code marginCall} parameters). Two measures are solved:
 *
 * <ul>
 *   <li>{@code marginRatio} (maintenance margin / margin balance, breached at or above the level):
 *       every linear position on one underlying moves by the same relative amount m, everything
 *       else is fixed. Margin balance(m) = margin balance + sum(side x size x mark) x m. A
 *       position's maintenance margin is re-evaluated at the moved notional from the policy's
 *       tables (notional x maintenanceMarginRate - maintenanceAmount of the row the moved notional
 *       selects) when that formula reproduces today's figure, else held. The account is breached
 *       when its ratio reaches the level, its balance is gone with a requirement left, or an
 *       isolated position's own ratio reaches the level (as the status rules compare them). The
 *       first breach on a grid of 1% steps (10% above +100%; down to -100%, up to +500%) is
 *       bracketed, then bisected to a width below 1e-12; the reported move is the breached end
 *       rounded away from zero to 8 decimals (0.000001%), the price at it is computed from the
 *       unrounded end. Crossings narrower than the grid step can be missed; where the tables have
 *       no row for a moved notional the search in that direction stops (no move).
 *   <li>{@code healthFactor} (collateral counted at its liquidation threshold / debt, breached
 *       below the level; Aave v3): per collateral asset, others and the debt fixed, the counted
 *       value moves with the price, so the price factor f solving HF = level is closed form, f =
 *       (level x debt - counted value of the others) / counted value of the asset.
 * </ul>
 *
 * Not thread-safe; one per decision.
 */
final class LiquidationMoves {

  static final String MARGIN_RATIO_ASSUMPTIONS =
      "marks of every position on the underlying move together by the same fraction; other"
          + " underlyings, collateral prices, wallet and entries fixed; no funding, no fees; the"
          + " account's ratio and each isolated position's own ratio are compared with the level;"
          + " first breach on a grid of 1% steps (10% above +100%) from -100% to +500%, bisected to 1e-12, move rounded"
          + " away from zero to 8 decimals";
  static final String HEALTH_FACTOR_ASSUMPTIONS =
      "this collateral price alone moves; other collateral prices and the debt fixed; no"
          + " interest accrual, no fees; closed form f = (level x debt - counted value of the"
          + " others) / counted value of this asset; move rounded half-even to 8 decimals";

  private static final BigDecimal STEP = new BigDecimal("0.01");
  private static final BigDecimal WIDE_STEP = new BigDecimal("0.1");
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal SAME = new BigDecimal("1e-8");
  private static final int MOVE_SCALE = 8;

  private LiquidationMoves() {}

  /** The moves of this decision; empty when the policy declares no deciding measure. */
  static List<LiquidationMove> of(CompiledPolicy policy, FactSet facts) {
    var deciding = policy.manifest().decidingMetric();
    if (deciding.isEmpty()) {
      return List.of();
    }
    String measure = deciding.get().getKey();
    MetricDisplay m = deciding.get().getValue();
    Map<String, Object> params = policy.manifest().parameters();
    BigDecimal liquidation =
        m.liquidation() == null ? null : (BigDecimal) params.get(m.liquidation());
    BigDecimal call = m.marginCall() == null ? null : (BigDecimal) params.get(m.marginCall());
    return switch (measure) {
      case "marginRatio" -> new MarginRatioMoves(policy, facts).all(liquidation, call);
      case "healthFactor" -> healthFactor(facts, liquidation, call);
      default -> List.of();
    };
  }

  private static List<LiquidationMove> healthFactor(
      FactSet facts, BigDecimal liquidation, BigDecimal call) {
    BigDecimal debt = facts.account.getDebtValue();
    if (debt.signum() <= 0) {
      return List.of(); // no debt: the health factor is infinite whatever the prices
    }
    Map<String, BigDecimal> counted = new TreeMap<>();
    Map<String, BigDecimal> price = new TreeMap<>();
    for (CollateralFact c : facts.collateral) {
      BigDecimal haircut =
          c.getMaintenanceHaircut() == null ? BigDecimal.ZERO : c.getMaintenanceHaircut();
      counted.merge(c.getAsset(), c.getValue().subtract(haircut), BigDecimal::add);
      price.putIfAbsent(c.getAsset(), c.getPrice());
    }
    BigDecimal total = counted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<LiquidationMove> moves = new ArrayList<>();
    counted.forEach(
        (asset, w) -> {
          if (w.signum() <= 0) {
            return; // counts nothing: its price changes no health factor
          }
          BigDecimal others = total.subtract(w);
          BigDecimal[] atLiq = factor(liquidation, debt, others, w);
          BigDecimal[] atCall = factor(call, debt, others, w);
          BigDecimal ref = price.get(asset);
          moves.add(
              new LiquidationMove(
                  asset,
                  List.of(asset),
                  "healthFactor",
                  ref,
                  liquidation,
                  atLiq[0],
                  atLiq[1] == null ? null : Rounding.price(ref.multiply(atLiq[1])),
                  call,
                  atCall[0],
                  atCall[1] == null ? null : Rounding.price(ref.multiply(atCall[1])),
                  "liquidation threshold from the policy's table by asset (independent of price):"
                      + " the counted value (value - maintenance haircut) moves with the price",
                  HEALTH_FACTOR_ASSUMPTIONS));
        });
    return moves;
  }

  /** {move, factor}: f = (level x debt - others) / w; both null when f <= 0 or no level. */
  private static BigDecimal[] factor(
      BigDecimal level, BigDecimal debt, BigDecimal others, BigDecimal w) {
    if (level == null) {
      return new BigDecimal[2];
    }
    BigDecimal f = Rounding.divide(level.multiply(debt).subtract(others), w);
    if (f.signum() <= 0) {
      return new BigDecimal[2]; // the others alone keep the factor at the level at any price
    }
    return new BigDecimal[] {
      f.subtract(BigDecimal.ONE).setScale(MOVE_SCALE, RoundingMode.HALF_EVEN), f
    };
  }

  /** The margin-ratio solver over the positions of one account. */
  private static final class MarginRatioMoves {
    private final DmnStage dmn;
    private final FactSet facts;
    private final Map<PositionFact, List<Map<String, Object>>> brackets =
        new java.util.IdentityHashMap<>();

    /** Maintenance held at the entry value by the policy's convention: never re-evaluated. */
    private final boolean heldAtEntry;

    MarginRatioMoves(CompiledPolicy policy, FactSet facts) {
      this.dmn = new DmnStage(policy, ExplanationRecorder.disabled());
      this.facts = facts;
      this.heldAtEntry =
          policy.manifest().liquidation().convention()
              == io.fulcrum.engine.liquidation.LiquidationConvention.MAINTENANCE_AT_ENTRY;
    }

    List<LiquidationMove> all(BigDecimal liquidation, BigDecimal call) {
      Map<String, List<PositionFact>> byUnderlying = new TreeMap<>();
      for (PositionFact p : facts.positions) {
        byUnderlying.computeIfAbsent(p.getUnderlying(), u -> new ArrayList<>()).add(p);
      }
      List<LiquidationMove> moves = new ArrayList<>();
      byUnderlying.forEach(
          (underlying, group) -> {
            if (group.stream().allMatch(PositionFact::isLinear)) {
              moves.add(move(underlying, group, liquidation, call));
            }
          });
      return moves;
    }

    private LiquidationMove move(
        String underlying, List<PositionFact> group, BigDecimal liquidation, BigDecimal call) {
      boolean reevaluated = group.stream().allMatch(this::reevaluable);
      BigDecimal[] exact = nearest(group, liquidation, call);
      BigDecimal liqExact = exact[0];
      BigDecimal mcExact = exact[1];
      BigDecimal liq = rounded(liqExact);
      BigDecimal mc = rounded(mcExact);
      BigDecimal ref = group.get(0).getMarkPrice();
      return new LiquidationMove(
          underlying,
          group.stream().map(PositionFact::getInstrument).toList(),
          "marginRatio",
          ref,
          liquidation,
          liq,
          liq == null ? null : Rounding.price(ref.multiply(BigDecimal.ONE.add(liqExact))),
          call,
          mc,
          mc == null ? null : Rounding.price(ref.multiply(BigDecimal.ONE.add(mcExact))),
          reevaluated
              ? "maintenance margin re-evaluated at the moved notional from the policy's tables: notional x"
                  + " maintenanceMarginRate - maintenanceAmount"
              : heldAtEntry
                  ? "maintenance margin held at today's figure (the policy's liquidation convention"
                      + " is maintenance-at-entry)"
                  : "maintenance margin held at today's figure (the policy's figure is not notional"
                      + " x maintenanceMarginRate - maintenanceAmount of its table row)",
          MARGIN_RATIO_ASSUMPTIONS);
    }

    /**
     * Per level (null levels stay null), the breaching move nearest to today, either way, or null;
     * 0 when breached today. One state per grid point serves every level.
     */
    private BigDecimal[] nearest(List<PositionFact> group, BigDecimal... levels) {
      BigDecimal[] out = new BigDecimal[levels.length];
      State today = state(group, BigDecimal.ZERO);
      boolean[] open = new boolean[levels.length];
      for (int i = 0; i < levels.length; i++) {
        if (levels[i] != null && today.breaches(levels[i])) {
          out[i] = BigDecimal.ZERO;
        }
        open[i] = levels[i] != null && out[i] == null;
      }
      BigDecimal[] down = scan(group, levels, open, -1);
      BigDecimal[] up = scan(group, levels, open, 1);
      for (int i = 0; i < levels.length; i++) {
        if (open[i]) {
          out[i] =
              down[i] == null || (up[i] != null && up[i].abs().compareTo(down[i].abs()) < 0)
                  ? up[i]
                  : down[i];
        }
      }
      return out;
    }

    /** The first breach of each open level on the grid in {@code direction}, bisected. */
    private BigDecimal[] scan(
        List<PositionFact> group, BigDecimal[] levels, boolean[] open, int direction) {
      BigDecimal[] found = new BigDecimal[levels.length];
      BigDecimal limit = direction < 0 ? BigDecimal.ONE : BigDecimal.valueOf(5);
      BigDecimal previous = BigDecimal.ZERO;
      BigDecimal size = BigDecimal.ZERO;
      int missing = 0;
      for (boolean o : open) {
        missing += o ? 1 : 0;
      }
      try {
        while (missing > 0 && size.compareTo(limit) < 0) {
          size = size.add(size.compareTo(BigDecimal.ONE) < 0 ? STEP : WIDE_STEP);
          BigDecimal m = direction < 0 ? size.negate() : size;
          State state = state(group, m);
          for (int i = 0; i < levels.length; i++) {
            if (open[i] && found[i] == null && state.breaches(levels[i])) {
              found[i] = bisect(group, levels[i], previous, m);
              missing--;
            }
          }
          previous = m;
        }
      } catch (PolicyEvaluationFailed beyondTables) {
        // the tables end before the level is reached: no move to report in this direction
      }
      return found;
    }

    private BigDecimal bisect(
        List<PositionFact> group, BigDecimal level, BigDecimal safe, BigDecimal breach) {
      while (breach.subtract(safe).abs().compareTo(TOLERANCE) > 0) {
        BigDecimal mid = safe.add(breach).divide(TWO);
        if (state(group, mid).breaches(level)) {
          breach = mid;
        } else {
          safe = mid;
        }
      }
      return breach;
    }

    /** The reported move: away from zero, so the level is reached at the reported move. */
    private static BigDecimal rounded(BigDecimal exact) {
      return exact == null ? null : exact.setScale(MOVE_SCALE, RoundingMode.UP);
    }

    /**
     * The account's maintenance margin and margin balance, and each isolated position's, when the
     * group's marks move by m.
     */
    private State state(List<PositionFact> group, BigDecimal m) {
      BigDecimal balance = facts.account.getMarginBalance();
      BigDecimal maintenance = facts.account.getMaintenanceMargin();
      List<BigDecimal[]> isolated = new ArrayList<>();
      for (PositionFact p : group) {
        BigDecimal mm = maintenance(p, m);
        BigDecimal pnl = upnlChange(p, m);
        balance = balance.add(pnl);
        maintenance = maintenance.add(mm.subtract(today(p)));
        if (p.isIsolated() && p.getMarginBalance() != null) {
          isolated.add(new BigDecimal[] {mm, p.getMarginBalance().add(pnl)});
        }
      }
      for (PositionFact p : facts.positions) {
        if (p.isIsolated() && !group.contains(p) && p.getMarginBalance() != null) {
          isolated.add(new BigDecimal[] {today(p), p.getMarginBalance()});
        }
      }
      return new State(maintenance, balance, isolated);
    }

    /** Requirements and balances at one move. */
    private record State(BigDecimal maintenance, BigDecimal balance, List<BigDecimal[]> isolated) {
      boolean breaches(BigDecimal level) {
        for (BigDecimal[] position : isolated) {
          if (MarginRatioMoves.breaches(position[0], position[1], level)) {
            return true;
          }
        }
        return MarginRatioMoves.breaches(maintenance, balance, level);
      }
    }

    private static boolean breaches(BigDecimal maintenance, BigDecimal balance, BigDecimal level) {
      if (balance.signum() <= 0) {
        return maintenance.signum() > 0;
      }
      return maintenance.compareTo(level.multiply(balance)) >= 0;
    }

    private static BigDecimal upnlChange(PositionFact p, BigDecimal m) {
      return BigDecimal.valueOf(p.getSide()).multiply(p.getNotional()).multiply(m);
    }

    private static BigDecimal today(PositionFact p) {
      return p.getMaintenanceMargin() == null ? BigDecimal.ZERO : p.getMaintenanceMargin();
    }

    private BigDecimal maintenance(PositionFact p, BigDecimal m) {
      if (m.signum() == 0 || !reevaluable(p)) {
        return today(p);
      }
      BigDecimal notional = p.getNotional().multiply(BigDecimal.ONE.add(m));
      Map<String, Object> row =
          bracketAt(p, notional, p.getMarkPrice().multiply(BigDecimal.ONE.add(m)));
      return notional
          .multiply(FactValues.number(row.get(RATE), RATE, p.label()))
          .subtract(FactValues.number(row.get(AMOUNT), AMOUNT, p.label()));
    }

    private static final String RATE = "maintenanceMarginRate";
    private static final String AMOUNT = "maintenanceAmount";

    private boolean reevaluable(PositionFact p) {
      if (heldAtEntry
          || !(p.getParameters().get(RATE) instanceof BigDecimal rate)
          || !(p.getParameters().get(AMOUNT) instanceof BigDecimal amount)
          || p.getMaintenanceMargin() == null) {
        return false;
      }
      BigDecimal formula = p.getNotional().multiply(rate).subtract(amount);
      return formula.subtract(p.getMaintenanceMargin()).abs().compareTo(SAME) <= 0;
    }

    /** The table row for the notional: a known row whose [floor, cap) holds it, else the tables. */
    private Map<String, Object> bracketAt(PositionFact p, BigDecimal notional, BigDecimal mark) {
      List<Map<String, Object>> known =
          brackets.computeIfAbsent(p, k -> new ArrayList<>(List.of(k.getParameters())));
      for (Map<String, Object> row : known) {
        if (row.get("notionalFloor") instanceof BigDecimal lo
            && row.get("notionalCap") instanceof BigDecimal hi
            && notional.compareTo(lo) >= 0
            && notional.compareTo(hi) < 0) {
          return row;
        }
      }
      int i = facts.positions.indexOf(p);
      PositionFact moved =
          new PositionFact(facts.positionInputs.get(i).atMark(mark), AssignmentLog.DISABLED);
      Map<String, Object> row = dmn.evaluate("position", p.label(), moved::property);
      known.add(row);
      return row;
    }
  }
}
