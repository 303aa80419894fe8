package io.fulcrum.engine.domain;

import java.util.Objects;

/** What a margin decision is asked for: one account on one market state. */
public record MarginRequest(Account account, MarketSnapshot market) {

  public MarginRequest {
    Objects.requireNonNull(account, "account is required");
    Objects.requireNonNull(market, "market is required");
  }
}
