package io.fulcrum.engine.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fulcrum.engine.explain.Explanation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * A margin decision for one account, with its complete explanation.
 *
 * <p>Margin ratio = maintenance margin / margin balance (1 = 100%); it is null when the margin
 * balance is zero or negative with a requirement (the account is then liquidated). The decision
 * hash is SHA-256 over the canonical JSON of every other field, so equal decisions have equal
 * hashes.
 *
 * @param currency the currency of every money figure
 * @param marginBalance equity counted against requirements: collateral value plus unrealised P&L
 *     (minus debts where the policy has them)
 * @param metrics further policy-defined figures (e.g. healthFactor), by name
 * @param flags warnings the policy raised short of a margin call, sorted by name then by the rule
 *     that raised them ({@link Flag#ORDER}; equal pairs keep the order they were raised in); never
 *     null. Left out of the JSON when empty, so decisions without flags are written exactly as
 *     before flags existed (same bytes, same hash).
 * @param liquidationMoves per underlying, the price move at which the account reaches its
 *     liquidation and margin-call levels ({@link LiquidationMove}), for policies that declare the
 *     measure they decide by; never null, left out of the JSON when empty (so decisions of policies
 *     without it keep their bytes and hash)
 */
@JsonPropertyOrder({
  "accountId",
  "policy",
  "asOf",
  "currency",
  "status",
  "initialMargin",
  "maintenanceMargin",
  "marginBalance",
  "marginRatio",
  "walletBalance",
  "unrealisedPnl",
  "metrics",
  "flags",
  "liquidationMoves",
  "positions",
  "explanation",
  "decisionHash"
})
public record MarginDecision(
    String accountId,
    PolicyStamp policy,
    Instant asOf,
    String currency,
    DecisionStatus status,
    BigDecimal initialMargin,
    BigDecimal maintenanceMargin,
    BigDecimal marginBalance,
    BigDecimal marginRatio,
    BigDecimal walletBalance,
    BigDecimal unrealisedPnl,
    SortedMap<String, BigDecimal> metrics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Flag> flags,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LiquidationMove> liquidationMoves,
    List<PositionFigures> positions,
    Explanation explanation,
    String decisionHash) {

  public MarginDecision {
    positions = List.copyOf(positions);
    liquidationMoves = liquidationMoves == null ? List.of() : List.copyOf(liquidationMoves);
    if (flags == null) {
      flags = List.of();
    } else {
      List<Flag> sorted = new ArrayList<>(flags);
      sorted.sort(Flag.ORDER); // stable: equal name and rule keep the order they were raised in
      flags = List.copyOf(sorted);
    }
  }

  public MarginDecision withHash(String hash) {
    return new MarginDecision(
        accountId,
        policy,
        asOf,
        currency,
        status,
        initialMargin,
        maintenanceMargin,
        marginBalance,
        marginRatio,
        walletBalance,
        unrealisedPnl,
        metrics,
        flags,
        liquidationMoves,
        positions,
        explanation,
        hash);
  }

  /** A decision without liquidation moves (policies that declare no deciding measure). */
  public MarginDecision(
      String accountId,
      PolicyStamp policy,
      Instant asOf,
      String currency,
      DecisionStatus status,
      BigDecimal initialMargin,
      BigDecimal maintenanceMargin,
      BigDecimal marginBalance,
      BigDecimal marginRatio,
      BigDecimal walletBalance,
      BigDecimal unrealisedPnl,
      SortedMap<String, BigDecimal> metrics,
      List<Flag> flags,
      List<PositionFigures> positions,
      Explanation explanation,
      String decisionHash) {
    this(
        accountId,
        policy,
        asOf,
        currency,
        status,
        initialMargin,
        maintenanceMargin,
        marginBalance,
        marginRatio,
        walletBalance,
        unrealisedPnl,
        metrics,
        flags,
        List.of(),
        positions,
        explanation,
        decisionHash);
  }
}
