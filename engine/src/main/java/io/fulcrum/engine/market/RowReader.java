package io.fulcrum.engine.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the rows of one price file, noting and handling bad rows and missing days. */
final class RowReader {

  private final String source;
  private final String asset;
  private final MissingDataPolicy policy;
  private final List<LocalDate> dates = new ArrayList<>();
  private final List<Double> closes = new ArrayList<>();
  private final List<String> badRows = new ArrayList<>();
  private final List<LocalDate> missingDays = new ArrayList<>();
  private LocalDate lastDate;
  private int rows;

  RowReader(String source, String asset, MissingDataPolicy policy) {
    this.source = source;
    this.asset = asset;
    this.policy = policy;
  }

  void accept(long line, String dateText, String closeText) {
    rows++;
    LocalDate date = PriceCsv.parseDate(source, line, dateText);
    if (lastDate != null && !date.isAfter(lastDate)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "price file %s line %d: dates must increase but %s follows %s",
              source,
              line,
              date,
              lastDate));
    }
    if (lastDate != null) {
      for (LocalDate d = lastDate.plusDays(1); d.isBefore(date); d = d.plusDays(1)) {
        missingDays.add(d);
        fill(d);
      }
    }
    lastDate = date;
    Double close = parse(closeText);
    if (close == null) {
      badRows.add(String.format(Locale.ROOT, "line %d %s '%s'", line, date, closeText));
      fill(date);
    } else {
      dates.add(date);
      closes.add(close);
    }
  }

  private void fill(LocalDate day) {
    if (policy == MissingDataPolicy.CARRY_FORWARD && !closes.isEmpty()) {
      dates.add(day);
      closes.add(closes.get(closes.size() - 1));
    }
  }

  private static Double parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double v = Double.parseDouble(text.trim());
      return Double.isFinite(v) && v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  PriceCsv.Loaded finish(List<String> notes) {
    List<String> problems = new ArrayList<>();
    if (!badRows.isEmpty()) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%d row(s) without a usable close: %s",
              badRows.size(),
              String.join(", ", badRows)));
    }
    if (!missingDays.isEmpty()) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%d calendar day(s) absent: %s",
              missingDays.size(),
              summarise(missingDays)));
    }
    if (policy == MissingDataPolicy.REFUSE && !problems.isEmpty()) {
      throw new MarketDataRefused(source, problems);
    }
    String action =
        switch (policy) {
          case SKIP_DAY -> "skipped (skip-day): returns across them span more than one day";
          case CARRY_FORWARD ->
              "filled with the previous close (carry-forward): zero return that day";
          case REFUSE -> "none";
        };
    for (String p : problems) {
      notes.add(asset + ": " + p + "; " + action);
    }
    if (closes.isEmpty()) {
      throw new IllegalArgumentException(
          "price file " + source + " has no usable prices in " + rows + " rows");
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "%s: %d rows read, %d prices kept, %s .. %s",
            asset,
            rows,
            closes.size(),
            dates.get(0),
            dates.get(dates.size() - 1)));
    double[] values = closes.stream().mapToDouble(Double::doubleValue).toArray();
    return new PriceCsv.Loaded(new PriceHistory(asset, dates, values), notes);
  }

  private static String summarise(List<LocalDate> days) {
    if (days.size() <= 20) {
      return days.toString();
    }
    return days.subList(0, 20) + " and " + (days.size() - 20) + " more";
  }
}
