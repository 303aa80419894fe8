package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.domain.InstrumentKind;
import io.fulcrum.engine.domain.MarginMode;
import java.math.BigDecimal;

/**
 * A position as the rules see it: its inputs (read-only), the parameters decision tables chose for
 * it, and the figures rules set. Setters round by {@link Rounding} and are recorded in the
 * explanation.
 */
public final class PositionFact extends TableParameters {

  private final String instrument;
  private final InstrumentKind kind;
  private final MarginMode marginMode;
  private final BigDecimal quantity;
  private final BigDecimal size;
  private final BigDecimal entryPrice;
  private final BigDecimal markPrice;
  private final BigDecimal leverage;
  private final BigDecimal isolatedMargin;
  private final String underlying;
  private final BigDecimal underlyingPrice;
  private final BigDecimal openInterest;
  private final AssignmentLog log;

  private BigDecimal initialMargin;
  private BigDecimal maintenanceMargin;
  private BigDecimal liquidationPrice;
  private BigDecimal bankruptcyPrice;
  private BigDecimal marginBalance;
  private String label;
  private String description;

  PositionFact(PositionInputs in, AssignmentLog log) {
    this.instrument = in.instrument();
    this.kind = in.kind();
    this.marginMode = in.marginMode();
    this.quantity = in.quantity();
    this.size = in.quantity().abs().multiply(in.contractSize());
    this.entryPrice = in.entryPrice();
    this.markPrice = in.markPrice();
    this.leverage = in.leverage();
    this.isolatedMargin = in.isolatedMargin();
    this.underlying = in.underlying();
    this.underlyingPrice = in.underlyingPrice();
    this.openInterest = in.openInterest();
    this.log = log;
  }

  /**
   * What a position fact is made of; also used to re-evaluate parameters at another price. {@code
   * underlyingPrice}: the mark for linear instruments, the index (underlying price) for options,
   * null when an option has no index. {@code openInterest}: the market's open interest in the
   * instrument (units of the underlying), null when the request gives none.
   */
  record PositionInputs(
      String instrument,
      InstrumentKind kind,
      MarginMode marginMode,
      BigDecimal quantity,
      BigDecimal contractSize,
      BigDecimal entryPrice,
      BigDecimal markPrice,
      BigDecimal leverage,
      BigDecimal isolatedMargin,
      String underlying,
      BigDecimal underlyingPrice,
      BigDecimal openInterest) {

    PositionInputs atMark(BigDecimal mark) {
      return new PositionInputs(
          instrument,
          kind,
          marginMode,
          quantity,
          contractSize,
          entryPrice,
          mark,
          leverage,
          isolatedMargin,
          underlying,
          kind == InstrumentKind.OPTION ? underlyingPrice : mark,
          openInterest);
    }
  }

  public String getInstrument() {
    return instrument;
  }

  public InstrumentKind getKind() {
    return kind;
  }

  public MarginMode getMarginMode() {
    return marginMode;
  }

  public boolean isIsolated() {
    return marginMode == MarginMode.ISOLATED;
  }

  public boolean isLinear() {
    return kind != InstrumentKind.OPTION;
  }

  /** +1 long, -1 short. */
  public int getSide() {
    return quantity.signum();
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  /** |quantity| x contract size, in units of the underlying. */
  public BigDecimal getSize() {
    return size;
  }

  public BigDecimal getEntryPrice() {
    return entryPrice;
  }

  public BigDecimal getMarkPrice() {
    return markPrice;
  }

  /** size x mark. */
  public BigDecimal getNotional() {
    return size.multiply(markPrice);
  }

  /** side x size x (mark - entry). */
  public BigDecimal getUnrealisedPnl() {
    return size.multiply(markPrice.subtract(entryPrice)).multiply(BigDecimal.valueOf(getSide()));
  }

  /** The leverage the holder chose, or null. */
  public BigDecimal getLeverage() {
    return leverage;
  }

  public BigDecimal getIsolatedMargin() {
    return isolatedMargin;
  }

  /** The asset whose price drives the instrument, e.g. BTC. */
  public String getUnderlying() {
    return underlying;
  }

  /**
   * Exposure to the underlying in money: size x underlying price (the notional for linear
   * instruments; for options size x index); null for an option without an index price.
   */
  public BigDecimal getUnderlyingNotional() {
    return underlyingPrice == null ? null : size.multiply(underlyingPrice);
  }

  /**
   * The market's open interest in this instrument (units of the underlying, {@code
   * market.prices.<instrument>.openInterest}); null when the request gives none.
   */
  public BigDecimal getOpenInterest() {
    return openInterest;
  }

  /**
   * Open notional of the instrument's market: open interest x mark (dYdX v4: "Open Notional = Open
   * Interest * Oracle Price"). Fails the decision naming the request field when the request gives
   * no open interest for the instrument.
   */
  public BigDecimal openNotional() {
    if (openInterest == null) {
      throw new PolicyEvaluationFailed(
          label()
              + ": the policy needs the open interest of "
              + instrument
              + "; give market.prices."
              + instrument
              + ".openInterest (units of the underlying)");
    }
    return openInterest.multiply(markPrice);
  }

  /** A named input for decision tables and the explanation; null if unknown. */
  public Object property(String name) {
    return switch (name) {
      case "instrument" -> instrument;
      case "kind" -> kind.name();
      case "marginMode" -> marginMode.name();
      case "side" -> BigDecimal.valueOf(getSide());
      case "quantity" -> quantity;
      case "size" -> size;
      case "entryPrice" -> entryPrice;
      case "markPrice" -> markPrice;
      case "notional" -> getNotional();
      case "unrealisedPnl" -> getUnrealisedPnl();
      case "leverage" -> leverage;
      case "isolatedMargin" -> isolatedMargin;
      case "underlying" -> underlying;
      case "underlyingNotional" -> getUnderlyingNotional();
      default -> null;
    };
  }

  // Figures set by rules.

  public BigDecimal getInitialMargin() {
    return initialMargin;
  }

  public void setInitialMargin(BigDecimal value) {
    initialMargin = Rounding.requirement(value);
    log.record(label(), "initialMargin", initialMargin);
  }

  public BigDecimal getMaintenanceMargin() {
    return maintenanceMargin;
  }

  public void setMaintenanceMargin(BigDecimal value) {
    maintenanceMargin = Rounding.requirement(value);
    log.record(label(), "maintenanceMargin", maintenanceMargin);
  }

  public BigDecimal getLiquidationPrice() {
    return liquidationPrice;
  }

  public void setLiquidationPrice(BigDecimal value) {
    liquidationPrice = Rounding.price(value);
    log.record(label(), "liquidationPrice", liquidationPrice);
  }

  /**
   * Mark price at which the position's margin balance is zero, set with the liquidation price by
   * {@link LiquidationPrices}; null until then or when there is none.
   */
  public BigDecimal getBankruptcyPrice() {
    return bankruptcyPrice;
  }

  /** Rounded half-even to 8 decimals like the liquidation price; null means none. */
  void setBankruptcyPrice(BigDecimal value) {
    bankruptcyPrice = Rounding.price(value);
    log.record(label(), "bankruptcyPrice", bankruptcyPrice);
  }

  /** Isolated positions: isolated margin + unrealised P&L, set by the engine; null for cross. */
  public BigDecimal getMarginBalance() {
    return marginBalance;
  }

  void setMarginBalance(BigDecimal value) {
    marginBalance = value;
  }

  /**
   * Isolated positions: maintenance margin / margin balance; null for cross or when balance <= 0.
   */
  public BigDecimal getMarginRatio() {
    if (marginBalance == null || maintenanceMargin == null || marginBalance.signum() <= 0) {
      return null;
    }
    return Rounding.ratio(Rounding.divide(maintenanceMargin, marginBalance));
  }

  /** Isolated position whose own balance no longer covers anything. */
  public boolean isInsolvent() {
    return marginBalance != null && marginBalance.signum() <= 0;
  }

  String label() {
    String l = label;
    if (l == null) {
      l = "position " + instrument;
      label = l;
    }
    return l;
  }

  /**
   * What the explanation shows for this position; made of inputs only, so built once per decision.
   */
  @Override
  public String describe() {
    String d = description;
    if (d == null) {
      d = buildDescription();
      description = d;
    }
    return d;
  }

  private String buildDescription() {
    return label()
        + " "
        + (getSide() > 0 ? "long " : "short ")
        + size.toPlainString()
        + " @ mark "
        + markPrice.toPlainString()
        + " (notional "
        + Rounding.money(getNotional()).toPlainString()
        + ", "
        + marginMode
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
