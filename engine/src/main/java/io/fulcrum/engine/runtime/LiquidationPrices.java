package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.explain.Calculation;
import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.runtime.PositionFact.PositionInputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Liquidation prices for linear positions under tiered maintenance margin, available to rules as
 * the global {@code liquidation}.
 *
 * <p>One-way mode (Binance USDⓈ-M "How to Calculate Liquidation Price"): the mark price P at which
 * margin balance equals maintenance margin, {@code LP = (WB - TMM + UPNL + cum - side*size*entry) /
 * (size*MMR - side*size)}, where for an isolated position WB is its isolated margin and TMM = UPNL
 * = 0, and for a cross position WB is the cross wallet, TMM the maintenance margin and UPNL the
 * unrealised P&L of the other cross positions, whose prices are held fixed. MMR and cum are the
 * position's parameters; if the notional at LP falls in another bracket, the policy's decision
 * tables are evaluated again at LP and the price recomputed with that bracket, until the bracket no
 * longer changes. When the tables also give the bracket's notional floor and cap, a price whose
 * notional stays inside them needs no second evaluation. A zero or negative LP means the position
 * has no liquidation price (null).
 */
public final class LiquidationPrices {

  private static final int MAX_ROUNDS = 12;

  private final DmnStage dmn;
  private final ExplanationRecorder recorder;
  private final Map<PositionFact, PositionInputs> inputs;
  private final List<PositionFact> positions;
  private final AccountFact account;

  LiquidationPrices(DmnStage dmn, ExplanationRecorder recorder, FactSet facts) {
    this.dmn = dmn;
    this.recorder = recorder;
    this.positions = facts.positions;
    this.account = facts.account;
    this.inputs = new IdentityHashMap<>();
    for (int i = 0; i < facts.positions.size(); i++) {
      inputs.put(facts.positions.get(i), facts.positionInputs.get(i));
    }
  }

  /**
   * The liquidation price of {@code p}, or null if there is none.
   *
   * @param rateParameter the position parameter holding the maintenance margin rate
   * @param amountParameter the position parameter holding the maintenance amount (cum)
   */
  public BigDecimal linear(PositionFact p, String rateParameter, String amountParameter) {
    return linear(p, rateParameter, amountParameter, null, null);
  }

  /**
   * As {@link #linear(PositionFact, String, String)}, where the parameters {@code floorParameter}
   * and {@code capParameter} bound the notional of the bracket the rate and amount belong to
   * ([floor, cap)); the tables are evaluated again only when the notional at LP leaves them.
   */
  public BigDecimal linear(
      PositionFact p,
      String rateParameter,
      String amountParameter,
      String floorParameter,
      String capParameter) {
    if (!p.isLinear()) {
      throw new PolicyEvaluationFailed("liquidation.linear called for non-linear " + p.describe());
    }
    BigDecimal wb;
    BigDecimal tmm = BigDecimal.ZERO;
    BigDecimal upnl = BigDecimal.ZERO;
    if (p.isIsolated()) {
      wb = p.getIsolatedMargin();
    } else {
      wb = account.getWalletBalance().subtract(account.getDebtValue());
      for (PositionFact other : positions) {
        if (other != p && !other.isIsolated()) {
          tmm = tmm.add(other.getMaintenanceMargin());
          upnl = upnl.add(other.getUnrealisedPnl());
        }
      }
    }
    BigDecimal side = BigDecimal.valueOf(p.getSide());
    BigDecimal size = p.getSize();
    Map<String, Object> bracket = p.getParameters();
    BigDecimal rate = p.number(rateParameter);
    BigDecimal amount = p.number(amountParameter);
    List<String> rounds = new ArrayList<>();
    BigDecimal lp = null;
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      BigDecimal numerator =
          wb.subtract(tmm)
              .add(upnl)
              .add(amount)
              .subtract(side.multiply(size).multiply(p.getEntryPrice()));
      BigDecimal denominator = size.multiply(rate).subtract(side.multiply(size));
      lp = Rounding.divide(numerator, denominator);
      rounds.add(
          "MMR "
              + rate.toPlainString()
              + ", cum "
              + amount.toPlainString()
              + " -> "
              + Rounding.price(lp).toPlainString());
      if (lp.signum() <= 0) {
        lp = null;
        break;
      }
      if (floorParameter != null
          && within(size.multiply(lp), bracket, floorParameter, capParameter)) {
        rounds.add(
            "notional at LP within ["
                + bracket.get(floorParameter)
                + ", "
                + bracket.get(capParameter)
                + ")");
        break;
      }
      Map<String, Object> atLp =
          dmn.evaluate(
              "position",
              p.label() + " at liquidation price " + Rounding.price(lp).toPlainString(),
              property(inputs.get(p).atMark(lp)));
      BigDecimal newRate = FactValues.number(atLp.get(rateParameter), rateParameter, p.label());
      BigDecimal newAmount =
          FactValues.number(atLp.get(amountParameter), amountParameter, p.label());
      if (newRate.compareTo(rate) == 0 && newAmount.compareTo(amount) == 0) {
        break;
      }
      rate = newRate;
      amount = newAmount;
      bracket = atLp;
    }
    if (recorder.isEnabled()) {
      SortedMap<String, Object> in = new TreeMap<>();
      in.put("WB", Rounding.money(wb));
      in.put("TMM", Rounding.money(tmm));
      in.put("UPNL", Rounding.money(upnl));
      in.put("side", side);
      in.put("size", size);
      in.put("entryPrice", p.getEntryPrice());
      in.put("MMR", rate);
      in.put("cum", amount);
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
