package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.explain.Calculation;
import io.fulcrum.engine.explain.ExplanationRecorder;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine's accounting identities, applied between the two rule phases: account initial and
 * maintenance margin are the sums of what the rules set per position, per collateral (haircuts) and
 * for the portfolio; the margin balance is wallet - debts + cross unrealised P&L + isolated margins
 * and their P&L.
 */
final class AccountTotals {

  private static final String FORMULA =
      "IM = sum(position IM) + sum(collateral initial haircut); MM = sum(position MM) + "
          + "sum(collateral maintenance haircut); margin balance = wallet - debts + cross UPNL "
          + "+ sum(isolated margin + isolated UPNL); margin ratio = MM / margin balance";
  private static final String FORMULA_WITH_PORTFOLIO =
      "IM = sum(position IM) + portfolio IM + sum(collateral initial haircut); MM = sum(position MM) "
          + "+ portfolio MM + sum(collateral maintenance haircut); margin balance = wallet - debts + cross UPNL "
          + "+ sum(isolated margin + isolated UPNL); margin ratio = MM / margin balance";

  private BigDecimal im = BigDecimal.ZERO;
  private BigDecimal mm = BigDecimal.ZERO;
  private BigDecimal upnl = BigDecimal.ZERO;
  private BigDecimal haircut = BigDecimal.ZERO;
  private BigDecimal balance;

  private AccountTotals() {}

  /** Totals the facts into the account fact and records the calculation. */
  static void apply(FactSet facts, PortfolioRequirement portfolio, ExplanationRecorder recorder) {
    AccountTotals t = new AccountTotals();
    t.balance = facts.account.getWalletBalance().subtract(facts.account.getDebtValue());
    t.addPositions(facts);
    t.addCollateral(facts);
    if (portfolio.isSet()) {
      t.im = t.im.add(zeroIfNull(portfolio.getInitialMargin()));
      t.mm = t.mm.add(zeroIfNull(portfolio.getMaintenanceMargin()));
    }
    facts.account.setTotals(
        new AccountFact.Totals(
            Rounding.requirement(t.im),
            Rounding.requirement(t.mm),
            Rounding.requirement(t.haircut),
            t.upnl,
            t.balance));
    if (recorder.isEnabled()) {
      recorder.add(t.explain(facts, portfolio));
    }
  }

  private void addPositions(FactSet facts) {
    for (int i = 0; i < facts.positions.size(); i++) {
      PositionFact p = facts.positions.get(i);
      if (p.getInitialMargin() == null || p.getMaintenanceMargin() == null) {
        throw new InvalidRequest(
            "account.positions[" + i + "].instrument",
            "the policy sets no "
                + (p.getInitialMargin() == null ? "initial" : "maintenance")
                + " margin for "
                + p.getInstrument()
                + " ("
                + p.getKind()
                + "): it does not cover this instrument");
      }
      im = im.add(p.getInitialMargin());
      mm = mm.add(p.getMaintenanceMargin());
      upnl = upnl.add(p.getUnrealisedPnl());
      if (p.isIsolated()) {
        BigDecimal own = p.getIsolatedMargin().add(p.getUnrealisedPnl());
        p.setMarginBalance(own);
        balance = balance.add(own);
      } else {
        balance = balance.add(p.getUnrealisedPnl());
      }
    }
  }

  private void addCollateral(FactSet facts) {
    for (CollateralFact c : facts.collateral) {
      if (c.getInitialHaircut() != null) {
        im = im.add(c.getInitialHaircut());
      }
      if (c.getMaintenanceHaircut() != null) {
        haircut = haircut.add(c.getMaintenanceHaircut());
      }
    }
    mm = mm.add(haircut);
  }

  private Calculation explain(FactSet facts, PortfolioRequirement portfolio) {
    SortedMap<String, Object> in = new TreeMap<>();
    in.put("walletBalance", Rounding.money(facts.account.getWalletBalance()));
    in.put("debtValue", Rounding.money(facts.account.getDebtValue()));
    in.put("unrealisedPnl", Rounding.money(upnl));
    in.put("positions", facts.positions.size());
    in.put("collateral", facts.collateral.size());
    if (portfolio.isSet()) {
      in.put("portfolioInitialMargin", portfolio.getInitialMargin());
      in.put("portfolioMaintenanceMargin", portfolio.getMaintenanceMargin());
    }
    SortedMap<String, Object> out = new TreeMap<>();
    out.put("initialMargin", Rounding.requirement(im));
    out.put("maintenanceMargin", Rounding.requirement(mm));
    out.put("marginBalance", Rounding.money(balance));
    out.put("marginRatio", facts.account.getMarginRatio());
    return new Calculation(
        "account", "account totals", portfolio.isSet() ? FORMULA_WITH_PORTFOLIO : FORMULA, in, out);
  }

  private static BigDecimal zeroIfNull(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
