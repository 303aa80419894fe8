package io.fulcrum.engine.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fulcrum.engine.explain.Explanation;
import java.math.BigDecimal;
import java.time.Instant;
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
    List<PositionFigures> positions,
    Explanation explanation,
    String decisionHash) {

  public MarginDecision {
    positions = List.copyOf(positions);
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
        positions,
        explanation,
        hash);
  }
}
