package io.fulcrum.engine.runtime;

import io.fulcrum.engine.domain.EuropeanOption;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InstrumentKind;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.market.MarketHistory;
import io.fulcrum.engine.market.PriceHistory;
import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.HistoricalPortfolio.UnderlyingReturns;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The position-based measure inputs of one request, built once per evaluation on first use.
 *
 * <ul>
 *   <li>{@code derivatives}: a {@link DerivativesPortfolio}. Quantities in units of the underlying
 *       (contracts x contract size). One forward F per underlying: the mark of the first PERPETUAL
 *       on it in {@code market.instruments}, else the {@code index} of the first OPTION on it that
 *       has one. Options: strike and right from the instrument, implied volatility from {@code
 *       market.prices.<symbol>.impliedVolatility} (required), time to expiry ACT/365 from {@code
 *       market.asOf} to 08:00 UTC on the expiry date (the Deribit expiry time), in fractional days;
 *       rate 0.
 *   <li>{@code portfolio-history}: a {@link HistoricalPortfolio}: the above with the daily returns
 *       of each underlying from {@code market.history} (inline series first, then the named data
 *       set). Only closes dated before the UTC day of {@code asOf} are used (a day's close is known
 *       once the day is over); the underlyings' histories are aligned on the latest first date
 *       among them and must have the same dates from there on. The inputs name the data used:
 *       {@code dataSet}, {@code dataSetHash}, {@code inlineHash}.
 * </ul>
 *
 * Errors are {@link InvalidRequest}s naming the field. Not thread-safe: one per evaluation.
 */
final class PortfolioInputs {

  static final LocalTime EXPIRY_TIME_UTC = LocalTime.of(8, 0);
  private static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

  /** Content hashes by data set / inline history, so a reused data set is hashed once. */
  private static final Map<Object, String> HASHES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final MarginRequest request;
  private final MarketDataSets dataSets;
  private DerivativesPortfolio derivatives;
  private HistoricalPortfolio history;

  PortfolioInputs(MarginRequest request, MarketDataSets dataSets) {
    this.request = request;
    this.dataSets = dataSets;
  }

  DerivativesPortfolio derivatives() {
    if (derivatives == null) {
      derivatives = buildDerivatives();
    }
    return derivatives;
  }

  HistoricalPortfolio history() {
    if (history == null) {
      history = buildHistory();
    }
    return history;
  }

  /** ACT/365 years from {@code asOf} to 08:00 UTC on {@code expiry}. */
  static double yearsToExpiry(Instant asOf, LocalDate expiry) {
    Instant end = expiry.atTime(EXPIRY_TIME_UTC).toInstant(ZoneOffset.UTC);
    return Duration.between(asOf, end).toMillis() / 1000.0 / SECONDS_PER_YEAR;
  }

  private DerivativesPortfolio buildDerivatives() {
    MarketSnapshot market = request.market();
    List<DerivativesPortfolio.Position> positions = new ArrayList<>();
    TreeMap<String, Double> forwards = new TreeMap<>();
    List<Position> held = request.account().positions();
    if (held.isEmpty()) {
      throw new InvalidRequest(
          "account.positions", "the policy's portfolio measures need at least one position");
    }
    for (int i = 0; i < held.size(); i++) {
      Position p = held.get(i);
      Instrument instrument = market.findInstrument(p.instrument()).orElseThrow();
      double units = p.quantity().multiply(instrument.contractSize()).doubleValue();
      forwards.computeIfAbsent(instrument.underlying(), this::forward);
      if (instrument instanceof EuropeanOption o) {
        positions.add(option(o, units, "account.positions[" + i + "]"));
      } else {
        positions.add(
            new DerivativesPortfolio.Future(p.instrument(), instrument.underlying(), units));
      }
    }
    return new DerivativesPortfolio(market.valuationCurrency(), 0.0, forwards, positions);
  }

  private DerivativesPortfolio.EuropeanOption option(EuropeanOption o, double units, String path) {
    MarketSnapshot market = request.market();
    InstrumentPrice price = market.findPrice(o.symbol()).orElseThrow();
    if (price.impliedVolatility() == null) {
      throw new InvalidRequest(
          "market.prices." + o.symbol() + ".impliedVolatility",
          "option '"
              + o.symbol()
              + "' held in "
              + path
              + " needs an implied volatility to be revalued");
    }
    double years = yearsToExpiry(market.asOf(), o.expiry());
    if (!(years > 0)) {
      throw new InvalidRequest(
          "market.instruments[" + market.instruments().indexOf(o) + "].expiry",
          "option '"
              + o.symbol()
              + "' expired at "
              + o.expiry()
              + " "
              + EXPIRY_TIME_UTC
              + " UTC, before the market's asOf "
              + market.asOf());
    }
    return new DerivativesPortfolio.EuropeanOption(
        o.symbol(),
        o.underlying(),
        units,
        DerivativesPortfolio.OptionRight.valueOf(o.right().name()),
        o.strike().doubleValue(),
        years,
        price.impliedVolatility().doubleValue());
  }

  private double forward(String underlying) {
    MarketSnapshot market = request.market();
    for (Instrument i : market.instruments()) {
      if (i.kind() == InstrumentKind.PERPETUAL
          && i.underlying().equals(underlying)
          && market.findPrice(i.symbol()).isPresent()) {
        return market.findPrice(i.symbol()).get().mark().doubleValue();
      }
    }
    for (Instrument i : market.instruments()) {
      if (i.kind() == InstrumentKind.OPTION
          && i.underlying().equals(underlying)
          && market.findPrice(i.symbol()).map(InstrumentPrice::index).isPresent()) {
        return market.findPrice(i.symbol()).get().index().doubleValue();
      }
    }
    throw new InvalidRequest(
        "market.prices",
        "no price for underlying '"
            + underlying
            + "': define a PERPETUAL on it with a mark, or give the index of an option on it");
  }

  private HistoricalPortfolio buildHistory() {
    DerivativesPortfolio portfolio = derivatives();
    MarketHistory h =
        request
            .market()
            .findHistory()
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "market.history",
                        "the policy's measures need daily price history of "
                            + portfolio.underlyingPrices().keySet()
                            + ": give market.history.series or market.history.dataSet"));
    SortedMap<String, String> provenance = new TreeMap<>();
    MarketDataSet dataSet = null;
    if (h.dataSet() != null) {
      dataSet =
          dataSets
              .find(h.dataSet())
              .orElseThrow(
                  () ->
                      new InvalidRequest(
                          "market.history.dataSet",
                          "unknown market data set '"
                              + h.dataSet()
                              + "' (this engine resolves only the data sets it was given)"));
      provenance.put("dataSet", dataSet.ref());
      provenance.put(
          "dataSetHash", HASHES.computeIfAbsent(dataSet, d -> ((MarketDataSet) d).hash()));
    }
    if (!h.series().isEmpty()) {
      provenance.put(
          "inlineHash", HASHES.computeIfAbsent(h, x -> ((MarketHistory) x).inlineHash()));
    }
    LocalDate lastKnown = request.market().asOf().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    TreeMap<String, PriceHistory> used = new TreeMap<>();
    TreeMap<String, String> sources = new TreeMap<>();
    for (String u : portfolio.underlyingPrices().keySet()) {
      PriceHistory ph = h.series().get(u);
      String field = "market.history.series." + u;
      String hash = provenance.get("inlineHash");
      if (ph == null && dataSet != null) {
        ph = dataSet.histories().get(u);
        field = "market.history.dataSet";
        hash = provenance.get("dataSetHash");
      }
      if (ph == null) {
        throw new InvalidRequest(
            field,
            "no price history for underlying '"
                + u
                + "'; inline series "
                + h.series().keySet()
                + (dataSet == null
                    ? ""
                    : ", data set " + dataSet.ref() + " " + dataSet.histories().keySet()));
      }
      ph = ph.upTo(lastKnown);
      if (ph.size() < 2) {
        throw new InvalidRequest(
            field,
            "the history of "
                + u
                + " has "
                + ph.size()
                + " close(s) before "
                + request.market().asOf()
                + "; at least 2 are needed for a return");
      }
      used.put(u, ph);
      sources.put(u, field + "|" + hash);
    }
    return aligned(portfolio, used, sources, provenance);
  }

  private static HistoricalPortfolio aligned(
      DerivativesPortfolio portfolio,
      TreeMap<String, PriceHistory> used,
      TreeMap<String, String> sources,
      SortedMap<String, String> provenance) {
    LocalDate start =
        used.values().stream().map(p -> p.dates().get(0)).max(LocalDate::compareTo).orElseThrow();
    List<LocalDate> reference = null;
    String referenceAsset = null;
    TreeMap<String, UnderlyingReturns> returns = new TreeMap<>();
    for (Map.Entry<String, PriceHistory> e : used.entrySet()) {
      PriceHistory ph = e.getValue();
      int from = ph.dates().indexOf(start);
      String field = sources.get(e.getKey()).split("\\|")[0];
      if (from < 0) {
        throw new InvalidRequest(
            field,
            "the history of "
                + e.getKey()
                + " has no close on "
                + start
                + ", where the history of another underlying starts; histories must share their dates");
      }
      List<LocalDate> dates = ph.dates().subList(from, ph.size());
      if (reference == null) {
        reference = dates;
        referenceAsset = e.getKey();
      } else if (!reference.equals(dates)) {
        throw new InvalidRequest(
            field,
            "the dates of "
                + e.getKey()
                + " differ from those of "
                + referenceAsset
                + " from "
                + start
                + " on ("
                + dates.size()
                + " vs "
                + reference.size()
                + " days); histories must share their dates");
      }
      if (dates.size() < 2) {
        throw new InvalidRequest(
            field, "the aligned history of " + e.getKey() + " has fewer than 2 closes");
      }
      double[] r = new double[dates.size() - 1];
      for (int t = 1; t < dates.size(); t++) {
        r[t - 1] = ph.close(from + t) / ph.close(from + t - 1) - 1.0;
      }
      String key =
          sources.get(e.getKey()).split("\\|", 2)[1]
              + "/"
              + e.getKey()
              + "/"
              + dates.get(0)
              + ".."
              + dates.get(dates.size() - 1);
      returns.put(e.getKey(), new UnderlyingReturns(r, key));
    }
    provenance.put("from", reference.get(0).toString());
    provenance.put("to", reference.get(reference.size() - 1).toString());
    return new HistoricalPortfolio(
        portfolio, reference.subList(1, reference.size()), returns, provenance);
  }
}
