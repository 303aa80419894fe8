package io.fulcrum.engine.runtime;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.Debt;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.runtime.PositionFact.PositionInputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one request, built after checking that everything the account refers to is in the
 * market snapshot. Errors name the field by its JSON path.
 */
final class FactSet {

  final AccountFact account;
  final List<PositionFact> positions;
  final List<PositionInputs> positionInputs;
  final List<CollateralFact> collateral;
  final List<DebtFact> debts;

  private FactSet(
      AccountFact account,
      List<PositionFact> positions,
      List<PositionInputs> positionInputs,
      List<CollateralFact> collateral,
      List<DebtFact> debts) {
    this.account = account;
    this.positions = positions;
    this.positionInputs = positionInputs;
    this.collateral = collateral;
    this.debts = debts;
  }

  static FactSet of(MarginRequest request, AssignmentLog log, SessionLink link) {
    Account acc = request.account();
    MarketSnapshot market = request.market();
    List<PositionInputs> inputs = new ArrayList<>();
    List<PositionFact> positions = new ArrayList<>();
    for (int i = 0; i < acc.positions().size(); i++) {
      PositionInputs in = inputsOf(acc.positions().get(i), "account.positions[" + i + "]", market);
      inputs.add(in);
      positions.add(new PositionFact(in, log));
    }
    List<CollateralFact> collateral = new ArrayList<>();
    BigDecimal wallet = BigDecimal.ZERO;
    for (int i = 0; i < acc.collateral().size(); i++) {
      CollateralBalance c = acc.collateral().get(i);
      BigDecimal price = assetPrice(market, c.asset(), "account.collateral[" + i + "].asset");
      CollateralFact fact = new CollateralFact(c.asset(), c.amount(), price, log);
      collateral.add(fact);
      wallet = wallet.add(fact.getValue());
    }
    List<DebtFact> debts = new ArrayList<>();
    BigDecimal debtValue = BigDecimal.ZERO;
    for (int i = 0; i < acc.debts().size(); i++) {
      Debt d = acc.debts().get(i);
      BigDecimal price = assetPrice(market, d.asset(), "account.debts[" + i + "].asset");
      DebtFact fact = new DebtFact(d.asset(), d.amount(), price);
      debts.add(fact);
      debtValue = debtValue.add(fact.getValue());
    }
    AccountFact account =
        new AccountFact(acc.id(), market.valuationCurrency(), wallet, debtValue, log, link);
    return new FactSet(account, positions, inputs, collateral, debts);
  }

  private static PositionInputs inputsOf(Position p, String path, MarketSnapshot market) {
    Instrument instrument =
        market
            .findInstrument(p.instrument())
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        path + ".instrument",
                        "unknown instrument '"
                            + p.instrument()
                            + "'; the market snapshot defines "
                            + market.instruments().stream().map(Instrument::symbol).toList()));
    InstrumentPrice price =
        market
            .findPrice(p.instrument())
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "market.prices." + p.instrument(),
                        "no mark price for instrument '" + p.instrument() + "' held in " + path));
    if (!instrument.settlementAsset().equals(market.valuationCurrency())) {
      throw new InvalidRequest(
          path + ".instrument",
          "instrument '"
              + p.instrument()
              + "' settles in "
              + instrument.settlementAsset()
              + " but the valuation currency is "
              + market.valuationCurrency()
              + "; cross-currency settlement is not supported");
    }
    return new PositionInputs(
        p.instrument(),
        instrument.kind(),
        p.marginMode(),
        p.quantity(),
        instrument.contractSize(),
        p.entryPrice(),
        price.mark(),
        p.leverage(),
        p.isolatedMargin(),
        instrument.underlying(),
        instrument.linear() ? price.mark() : price.index(),
        price.openInterest());
  }

  private static BigDecimal assetPrice(MarketSnapshot market, String asset, String path) {
    return market
        .findAssetPrice(asset)
        .orElseThrow(
            () ->
                new InvalidRequest(
                    "market.assetPrices." + asset,
                    "no price for asset '" + asset + "' named in " + path));
  }
}
