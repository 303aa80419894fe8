package io.fulcrum.engine.backtest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to backtest.
 *
 * @param portfolio held unchanged through the test
 * @param model the margin being tested
 * @param mporDays margin period of risk h: the loss compared with day t's margin is V(t) - V(t+h)
 * @param confidence the coverage the margin claims (alpha): breach probability 1 - alpha in tests
 * @param from first margin day, or null for the earliest day with enough history
 * @param to last margin day, or null for the latest day with an h-day realised loss
 */
public record BacktestSpec(
    BacktestPortfolio portfolio,
    MarginModel model,
    int mporDays,
    double confidence,
    LocalDate from,
    LocalDate to) {

  public BacktestSpec {
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(model, "model");
    if (mporDays < 1) {
      throw new IllegalArgumentException("mpor must be >= 1 day but was " + mporDays);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0,1) but was " + confidence);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " must not be after to " + to);
    }
  }

  public BacktestSpec withModel(MarginModel other, double otherConfidence) {
    return new BacktestSpec(portfolio, other, mporDays, otherConfidence, from, to);
  }
}
