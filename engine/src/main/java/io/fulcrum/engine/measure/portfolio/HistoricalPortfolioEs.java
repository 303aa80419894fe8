package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.support.MeasureArguments;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code historical-portfolio-es}: unfiltered historical simulation expected shortfall of a
 * portfolio's P&amp;L with full revaluation (see {@link HistoricalPortfolioShortfall}): the
 * underlyings move by their actual one-day returns, equally weighted. With {@code periodFrom} and
 * {@code periodTo} (ISO dates, inclusive, of the day a return ends) only that period's returns form
 * scenarios: a stressed-period measure, as for the anti-procyclicality floor of EU EMIR RTS
 * 153/2013 art. 28 and Eurex Prisma's stressed-period component. Without them, the whole window.
 * Stateless; thread-safe.
 */
public final class HistoricalPortfolioEs extends HistoricalPortfolioShortfall {

  static final String FROM = "periodFrom";
  static final String TO = "periodTo";

  public HistoricalPortfolioEs() {
    super("historical-portfolio-es", Set.of(FROM, TO));
  }

  @Override
  protected Window window(HistoricalPortfolio in, int from, int to, MeasureParameters parameters) {
    Window all = super.window(in, from, to, parameters);
    if (!parameters.has(FROM) && !parameters.has(TO)) {
      return all;
    }
    LocalDate start = date(parameters, FROM, LocalDate.MIN);
    LocalDate end = date(parameters, TO, LocalDate.MAX);
    if (end.isBefore(start)) {
      throw MeasureArguments.invalid(TO, "on or after " + FROM + " " + start, end);
    }
    int a = from;
    while (a < to && in.dates().get(a).isBefore(start)) {
      a++;
    }
    int b = a;
    while (b < to && !in.dates().get(b).isAfter(end)) {
      b++;
    }
    all.inputs().put(FROM, parameters.text(FROM, "-"));
    all.inputs().put(TO, parameters.text(TO, "-"));
    return new Window(a, b, all.inputs(), all.details());
  }

  @Override
  protected double[] scenarioReturns(
      String underlying,
      HistoricalPortfolio.UnderlyingReturns returns,
      Window window,
      MeasureParameters parameters) {
    return slice(returns.values(), window.from(), window.to());
  }

  private static LocalDate date(MeasureParameters parameters, String name, LocalDate absent) {
    if (!parameters.has(name)) {
      return absent;
    }
    try {
      return LocalDate.parse(parameters.text(name, "").trim());
    } catch (DateTimeParseException e) {
      throw MeasureArguments.invalid(name, "an ISO date (yyyy-mm-dd)", parameters.text(name, ""));
    }
  }
}
