package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.explain.Calculation;
import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.liquidation.LinearLiquidation;
import io.fulcrum.engine.liquidation.LiquidationConvention;
import io.fulcrum.engine.runtime.PositionFact.PositionInputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Liquidation and bankruptcy prices of linear positions, available to rules as the global {@code
 * liquidation}. The manifest's {@code liquidation.convention} ({@link LiquidationConvention})
 * decides how the liquidation price is solved; the formulas are in {@link LinearLiquidation}.
 *
 * <p>For an isolated position the margin is its isolated margin and TMM = UPNL = 0; for a cross
 * position WB is the cross wallet (collateral minus debts), TMM the maintenance margin and UPNL the
 * unrealised P&amp;L of the other cross positions, whose prices are held fixed.
 *
 * <ul>
 *   <li>{@code maintenance-at-liquidation} (Binance USDⓈ-M): {@code LP = (WB - TMM + UPNL + cum -
 *       side*size*entry) / (size*MMR - side*size)} with MMR and cum of the bracket of the notional
 *       at LP: if that notional falls in another bracket, the policy's decision tables are
 *       evaluated again at LP and the price recomputed, until the bracket no longer changes. When
 *       the tables also give the bracket's notional floor and cap, a price whose notional stays
 *       inside them needs no second evaluation.
 *   <li>{@code maintenance-at-entry} (Bybit, BitMEX linear): {@code LP = entry - side*(WB - TMM +
 *       UPNL - MM)/size}, MM = size*entry*MMR - cum held at the entry value, with MMR and cum of
 *       the bracket of the entry value (the tables are evaluated at the entry price when the mark
 *       differs and the floor and cap do not show the entry value inside the position's bracket).
 * </ul>
 *
 * Every solve also sets the position's bankruptcy price, {@code entry - side*(WB + UPNL)/size} (the
 * same solve with every maintenance term zero: the margin balance is zero there), recorded as its
 * own calculation step before the liquidation price's. A zero or negative price means none (null).
 */
public final class LiquidationPrices {

  private static final int MAX_ROUNDS = 12;

  private final DmnStage dmn;
  private final ExplanationRecorder recorder;
  private final Map<PositionFact, PositionInputs> inputs;
  private final List<PositionFact> positions;
  private final AccountFact account;
  private final LiquidationConvention convention;

  LiquidationPrices(
      DmnStage dmn, ExplanationRecorder recorder, FactSet facts, LiquidationConvention convention) {
    this.dmn = dmn;
    this.recorder = recorder;
    this.positions = facts.positions;
    this.account = facts.account;
    this.convention = convention;
    this.inputs = new IdentityHashMap<>();
    for (int i = 0; i < facts.positions.size(); i++) {
      inputs.put(facts.positions.get(i), facts.positionInputs.get(i));
    }
  }

  /**
   * The liquidation price of {@code p}, or null if there is none; sets its bankruptcy price.
   *
   * @param rateParameter the position parameter holding the maintenance margin rate
   * @param amountParameter the position parameter holding the maintenance amount (cum, deduction)
   */
  public BigDecimal linear(PositionFact p, String rateParameter, String amountParameter) {
    return linear(p, rateParameter, amountParameter, null, null);
  }

  /**
   * As {@link #linear(PositionFact, String, String)}, where the parameters {@code floorParameter}
   * and {@code capParameter} bound the notional of the bracket the rate and amount belong to
   * ([floor, cap)); the tables are evaluated again only when the notional at LP (or, under
   * maintenance-at-entry, the entry value) leaves them.
   */
  public BigDecimal linear(
      PositionFact p,
      String rateParameter,
      String amountParameter,
      String floorParameter,
      String capParameter) {
    Margins m = margins(p, "liquidation.linear");
    Bracket bracket =
        new Bracket(
            p.getParameters(),
            p.number(rateParameter),
            p.number(amountParameter),
            rateParameter,
            amountParameter,
            floorParameter,
            capParameter);
    bankruptcy(p, m);
    return convention == LiquidationConvention.MAINTENANCE_AT_ENTRY
        ? atEntry(p, m, entryBracket(p, bracket))
        : atLiquidation(p, m, bracket);
  }

  /**
   * The liquidation price of {@code p} under one flat (single-bracket) maintenance rate and amount,
   * e.g. manifest parameters: no decision table is evaluated. Follows the policy's convention and
   * sets the bankruptcy price; null when there is none.
   */
  public BigDecimal flat(PositionFact p, BigDecimal maintenanceRate, BigDecimal maintenanceAmount) {
    Margins m = margins(p, "liquidation.flat");
    Bracket bracket =
        new Bracket(Map.of(), maintenanceRate, maintenanceAmount, null, null, null, null);
    bankruptcy(p, m);
    return convention == LiquidationConvention.MAINTENANCE_AT_ENTRY
        ? atEntry(p, m, bracket)
        : atLiquidation(p, m, bracket);
  }

  /** WB, TMM and UPNL of the solve (see the class comment). */
  private record Margins(BigDecimal wb, BigDecimal tmm, BigDecimal upnl) {}

  /** A maintenance rate and amount, with the table outputs they came from (when any). */
  private record Bracket(
      Map<String, Object> outputs,
      BigDecimal rate,
      BigDecimal amount,
      String rateParameter,
      String amountParameter,
      String floorParameter,
      String capParameter) {

    boolean holds(BigDecimal notional) {
      return floorParameter != null && within(notional, outputs, floorParameter, capParameter);
    }

    Bracket with(Map<String, Object> newOutputs, String owner) {
      return new Bracket(
          newOutputs,
          FactValues.number(newOutputs.get(rateParameter), rateParameter, owner),
          FactValues.number(newOutputs.get(amountParameter), amountParameter, owner),
          rateParameter,
          amountParameter,
          floorParameter,
          capParameter);
    }
  }

  private Margins margins(PositionFact p, String call) {
    if (!p.isLinear()) {
      throw new PolicyEvaluationFailed(call + " called for non-linear " + p.describe());
    }
    if (p.isIsolated()) {
      return new Margins(p.getIsolatedMargin(), BigDecimal.ZERO, BigDecimal.ZERO);
    }
    BigDecimal tmm = BigDecimal.ZERO;
    BigDecimal upnl = BigDecimal.ZERO;
    for (PositionFact other : positions) {
      if (other != p && !other.isIsolated()) {
        tmm = tmm.add(other.getMaintenanceMargin());
        upnl = upnl.add(other.getUnrealisedPnl());
      }
    }
    return new Margins(account.getWalletBalance().subtract(account.getDebtValue()), tmm, upnl);
  }

  private void bankruptcy(PositionFact p, Margins m) {
    BigDecimal bp =
        LinearLiquidation.bankruptcy(
            m.wb().add(m.upnl()), p.getSide(), p.getSize(), p.getEntryPrice());
    bp = bp.signum() <= 0 ? null : bp;
    if (recorder.isEnabled()) {
      SortedMap<String, Object> in = new TreeMap<>();
      in.put("WB", Rounding.money(m.wb()));
      in.put("UPNL", Rounding.money(m.upnl()));
      in.put("side", BigDecimal.valueOf(p.getSide()));
      in.put("size", p.getSize());
      in.put("entryPrice", p.getEntryPrice());
      recorder.add(
          new Calculation(
              p.label(),
              "bankruptcy price",
              "entry - side*(WB + UPNL)/size (margin balance zero)",
              in,
              bp == null ? "none (formula gives zero or negative)" : Rounding.price(bp)));
    }
    p.setBankruptcyPrice(bp);
  }

  private BigDecimal atLiquidation(PositionFact p, Margins m, Bracket bracket) {
    BigDecimal margin = m.wb().subtract(m.tmm()).add(m.upnl());
    // The rounds' text is for the explanation only: not built when nothing records.
    List<String> rounds = recorder.isEnabled() ? new ArrayList<>() : null;
    BigDecimal lp = null;
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      lp =
          LinearLiquidation.maintenanceAtLiquidation(
              margin,
              p.getSide(),
              p.getSize(),
              p.getEntryPrice(),
              bracket.rate(),
              bracket.amount());
      if (rounds != null) {
        rounds.add(
            "MMR "
                + bracket.rate().toPlainString()
                + ", cum "
                + bracket.amount().toPlainString()
                + " -> "
                + Rounding.price(lp).toPlainString());
      }
      if (lp.signum() <= 0) {
        lp = null;
        break;
      }
      if (bracket.rateParameter() == null) {
        break; // a flat rate: no bracket to leave
      }
      if (bracket.holds(p.getSize().multiply(lp))) {
        if (rounds == null) {
          break;
        }
        rounds.add(
            "notional at LP within ["
                + bracket.outputs().get(bracket.floorParameter())
                + ", "
                + bracket.outputs().get(bracket.capParameter())
                + ")");
        break;
      }
      Bracket atLp = bracket.with(tablesAt(p, lp, " at liquidation price "), p.label());
      if (atLp.rate().compareTo(bracket.rate()) == 0
          && atLp.amount().compareTo(bracket.amount()) == 0) {
        break;
      }
      bracket = atLp;
    }
    if (recorder.isEnabled()) {
      SortedMap<String, Object> in = solveInputs(p, m, bracket);
      in.put("rounds", rounds);
      recorder.add(
          new Calculation(
              p.label(),
              "liquidation price",
              "(WB - TMM + UPNL + cum - side*size*entry) / (size*MMR - side*size)",
              in,
              lp == null ? "none (formula gives zero or negative)" : Rounding.price(lp)));
    }
    return lp;
  }

  /** The bracket of the entry value: the position's own, or the tables evaluated at entry. */
  private Bracket entryBracket(PositionFact p, Bracket bracket) {
    BigDecimal entryValue = p.getSize().multiply(p.getEntryPrice());
    if (p.getMarkPrice().compareTo(p.getEntryPrice()) == 0 || bracket.holds(entryValue)) {
      return bracket;
    }
    return bracket.with(tablesAt(p, p.getEntryPrice(), " at entry price "), p.label());
  }

  private BigDecimal atEntry(PositionFact p, Margins m, Bracket bracket) {
    BigDecimal mm =
        LinearLiquidation.maintenanceAtEntryMargin(
            p.getSize(), p.getEntryPrice(), bracket.rate(), bracket.amount());
    BigDecimal lp =
        LinearLiquidation.maintenanceAtEntry(
            m.wb().subtract(m.tmm()).add(m.upnl()),
            p.getSide(),
            p.getSize(),
            p.getEntryPrice(),
            mm);
    lp = lp.signum() <= 0 ? null : lp;
    if (recorder.isEnabled()) {
      SortedMap<String, Object> in = solveInputs(p, m, bracket);
      in.put("MM", Rounding.money(mm));
      recorder.add(
          new Calculation(
              p.label(),
              "liquidation price",
              "entry - side*(WB - TMM + UPNL - MM)/size, MM = size*entry*MMR - cum (fixed at"
                  + " opening)",
              in,
              lp == null ? "none (formula gives zero or negative)" : Rounding.price(lp)));
    }
    return lp;
  }

  private static SortedMap<String, Object> solveInputs(PositionFact p, Margins m, Bracket b) {
    SortedMap<String, Object> in = new TreeMap<>();
    in.put("WB", Rounding.money(m.wb()));
    in.put("TMM", Rounding.money(m.tmm()));
    in.put("UPNL", Rounding.money(m.upnl()));
    in.put("side", BigDecimal.valueOf(p.getSide()));
    in.put("size", p.getSize());
    in.put("entryPrice", p.getEntryPrice());
    in.put("MMR", b.rate());
    in.put("cum", b.amount());
    return in;
  }

  private Map<String, Object> tablesAt(PositionFact p, BigDecimal price, String where) {
    return dmn.evaluate(
        "position",
        p.label() + where + Rounding.price(price).toPlainString(),
        property(inputs.get(p).atMark(price)));
  }

  private static boolean within(
      BigDecimal notional, Map<String, Object> bracket, String floor, String cap) {
    Object lo = bracket.get(floor);
    Object hi = bracket.get(cap);
    if (!(lo instanceof BigDecimal low) || !(hi instanceof BigDecimal high)) {
      return false;
    }
    return notional.compareTo(low) >= 0 && notional.compareTo(high) < 0;
  }

  private static java.util.function.Function<String, Object> property(PositionInputs in) {
    PositionFact hypothetical = new PositionFact(in, AssignmentLog.DISABLED);
    return hypothetical::property;
  }
}
