package io.fulcrum.engine.json;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.PriceHistory;
import java.util.Locale;

/**
 * What one margin request may hold, checked by {@link RequestReader} while it reads the JSON, so a
 * small request can never cost minutes of CPU, gigabytes of memory or a database error. Each limit
 * is far above what a real account on a crypto venue needs and far below what hurts the service.
 *
 * <ul>
 *   <li><b>Decimals</b>: at most {@value #MAX_DECIMAL_PLACES} decimal places (the finest unit of an
 *       ERC-20 token, 1 wei = 10^-18; so the smallest non-zero amount, price or quantity is
 *       0.000000000000000001) and at most {@value #MAX_INTEGER_DIGITS} digits before the point; so
 *       at most 34 significant digits, the precision the engine computes with. Written as at most
 *       {@value #MAX_NUMBER_CHARS} characters. A decimal like {@code 1e-10000000} is refused before
 *       any arithmetic is done with it.
 *   <li><b>Text</b> (account id, symbols, asset names, currencies, data set names, map keys): at
 *       most {@value #MAX_TEXT_CHARS} characters (the account id column holds 200), valid Unicode
 *       (no lone UTF-16 surrogate such as {@code \ud800}).
 *   <li><b>Sizes</b>: at most {@value #MAX_POSITIONS} positions, {@value #MAX_COLLATERAL}
 *       collateral balances, {@value #MAX_DEBTS} debts, {@value #MAX_INSTRUMENTS} instruments,
 *       {@value #MAX_INSTRUMENTS} prices, {@value #MAX_ASSET_PRICES} asset prices and {@value
 *       #MAX_HISTORY_ROWS} inline history rows (days, summed over all series) per request.
 * </ul>
 *
 * Every refusal is an {@link InvalidRequest} naming the field by its JSON path and the limit.
 */
public final class RequestLimits {

  public static final int MAX_DECIMAL_PLACES = 18;
  public static final int MAX_INTEGER_DIGITS = 16;
  public static final int MAX_NUMBER_CHARS = 64;
  public static final int MAX_TEXT_CHARS = 200;
  public static final int MAX_POSITIONS = 1_000;
  public static final int MAX_INSTRUMENTS = 2_000;
  public static final int MAX_COLLATERAL = 200;
  public static final int MAX_DEBTS = 200;
  public static final int MAX_ASSET_PRICES = 1_000;
  public static final int MAX_HISTORY_ROWS = 5_000;

  private RequestLimits() {}

  /**
   * Refuses a request with more entries in a list or map than its limit. Runs once the request is
   * read and before anything looks at its entries; each check is a size comparison.
   */
  public static void checkSizes(MarginRequest request) {
    var account = request.account();
    MarketSnapshot market = request.market();
    atMost("account.positions", account.positions().size(), MAX_POSITIONS, "positions");
    atMost(
        "account.collateral", account.collateral().size(), MAX_COLLATERAL, "collateral balances");
    atMost("account.debts", account.debts().size(), MAX_DEBTS, "debts");
    atMost("market.instruments", market.instruments().size(), MAX_INSTRUMENTS, "instruments");
    atMost("market.prices", market.prices().size(), MAX_INSTRUMENTS, "prices");
    atMost("market.assetPrices", market.assetPrices().size(), MAX_ASSET_PRICES, "asset prices");
    long rows =
        market
            .findHistory()
            .map(h -> h.series().values().stream().mapToLong(PriceHistory::size).sum())
            .orElse(0L);
    atMost("market.history.series", rows, MAX_HISTORY_ROWS, "history rows (summed over series)");
  }

  private static void atMost(String field, long size, int limit, String what) {
    if (size > limit) {
      throw new InvalidRequest(
          field,
          String.format(
              Locale.ROOT,
              "a request may hold at most %,d %s but this one has %,d",
              limit,
              what,
              size));
    }
  }
}
