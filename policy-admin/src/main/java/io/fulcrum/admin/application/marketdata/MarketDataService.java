package io.fulcrum.admin.application.marketdata;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.marketdata.MarketDataRows.Row;
import io.fulcrum.admin.application.marketdata.MarketDataStore.Observation;
import io.fulcrum.admin.application.marketdata.MarketDataStore.SetRow;
import io.fulcrum.admin.application.marketdata.MarketDataStore.VersionRow;
import io.fulcrum.engine.market.DirectoryMarketDataSets;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.market.MissingDataPolicy;
import io.fulcrum.engine.market.PriceHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Named market data sets in the database (issue #19), in the CLI's format and with its hashing: a
 * version is the first {@value DirectoryMarketDataSets#VERSION_DIGITS} hex digits of {@link
 * MarketDataSet#hash()}, so {@code btc-usd-daily@882116ee0971} names the same prices in the service
 * and in {@code fulcrum backtest --data}. Appends and corrections each make a new immutable
 * version; nothing stored is ever edited. Thread-safe; appends to one set are serialised by a row
 * lock on the set.
 */
@ApplicationScoped
public class MarketDataService {

  public static final String LATEST = "latest";
  private static final Logger LOG = Logger.getLogger(MarketDataService.class.getName());
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final int CACHED = 16;

  @Inject MarketDataStore store;

  @Inject ServiceClock clock;

  /** Fired after an append or correction commits, for the monitoring job. */
  @Inject Event<MarketDataChanged> changed;

  /** Versions by ref, immutable, so a cache is safe across members. */
  private final Map<String, MarketDataSet> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(CACHED, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MarketDataSet> e) {
              return size() > CACHED;
            }
          });

  /** A new version of a set was stored. */
  public record MarketDataChanged(String name, String version) {}

  /** What an append or correction stored. */
  public record Appended(VersionRow version, int rows, List<String> days) {}

  /** The data sets for the engine: every stored version by {@code name@version}. */
  public MarketDataSets sets() {
    return new MarketDataSets() {
      @Override
      public Optional<MarketDataSet> find(String ref) {
        String[] parts = ref.split("@", 2);
        if (parts.length != 2) {
          return Optional.empty();
        }
        return load(parts[0].trim(), parts[1].trim());
      }

      @Override
      public List<String> known() {
        List<String> refs = new ArrayList<>();
        for (SetRow s : store.sets()) {
          store
              .versionAt(s.name(), s.latestSeq())
              .ifPresent(v -> refs.add(s.name() + "@" + v.version()));
        }
        return refs;
      }
    };
  }

  /** Version {@code version} of set {@code name} ({@code latest}: the newest), if stored. */
  public Optional<MarketDataSet> load(String name, String version) {
    if (LATEST.equals(version)) {
      Optional<SetRow> set = store.set(name);
      if (set.isEmpty()) {
        return Optional.empty();
      }
      return store.versionAt(name, set.get().latestSeq()).map(this::load);
    }
    MarketDataSet cached = cache.get(name + "@" + version);
    if (cached != null) {
      return Optional.of(cached);
    }
    return store.version(name, version).map(this::load);
  }

  private MarketDataSet load(VersionRow v) {
    String ref = v.name() + "@" + v.version();
    MarketDataSet cached = cache.get(ref);
    if (cached != null) {
      return cached;
    }
    MarketDataSet set = build(v.name(), v.version(), store.observations(v.name(), v.seq()));
    if (!set.hash().equals(v.hash())) {
      throw new IllegalStateException(
          "market data set "
              + ref
              + " no longer has its recorded hash "
              + v.hash()
              + ": its rows were changed outside the service");
    }
    cache.put(ref, set);
    return set;
  }

  static MarketDataSet build(String name, String version, List<Observation> rows) {
    Map<String, List<LocalDate>> dates = new TreeMap<>();
    Map<String, List<Double>> closes = new TreeMap<>();
    for (Observation o : rows) {
      dates.computeIfAbsent(o.asset(), a -> new ArrayList<>()).add(LocalDate.parse(o.day()));
      closes.computeIfAbsent(o.asset(), a -> new ArrayList<>()).add(o.close());
    }
    TreeMap<String, PriceHistory> histories = new TreeMap<>();
    dates.forEach(
        (asset, d) ->
            histories.put(
                asset,
                new PriceHistory(
                    asset,
                    d,
                    closes.get(asset).stream().mapToDouble(Double::doubleValue).toArray())));
    return MarketDataSet.of(name, version, histories);
  }

  public List<SetRow> list() {
    return store.sets();
  }

  public List<VersionRow> versions(String name) {
    if (store.set(name).isEmpty()) {
      throw new InvalidParameter("dataSet", "no market data set '" + name + "'");
    }
    return store.versions(name);
  }

  /**
   * Imports each CSV of {@code directory} (the CLI's files, read as {@code backtest} reads them:
   * skip-day) that is not stored yet as the first version of its set, with the CLI's version.
   */
  @Transactional
  public List<String> importDirectory(Path directory) {
    List<String> imported = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return imported;
    }
    DirectoryMarketDataSets files =
        DirectoryMarketDataSets.at(directory, MissingDataPolicy.SKIP_DAY);
    for (String name : files.names()) {
      if (!NAME.matcher(name).matches() || store.set(name).isPresent()) {
        continue;
      }
      MarketDataSet set;
      try {
        set = files.get(name);
      } catch (IllegalArgumentException e) {
        LOG.warning(() -> "market data file " + name + " not imported: " + e.getMessage());
        continue;
      }
      List<Observation> rows = new ArrayList<>();
      int maxGap = 1;
      for (PriceHistory h : set.histories().values()) {
        for (int i = 0; i < h.size(); i++) {
          rows.add(new Observation(h.asset(), h.dates().get(i).toString(), h.close(i)));
          if (i > 0) {
            maxGap =
                (int)
                    Math.max(
                        maxGap, ChronoUnit.DAYS.between(h.dates().get(i - 1), h.dates().get(i)));
          }
        }
      }
      String now = clock.instant().toString();
      store.createSet(new SetRow(name, List.copyOf(set.histories().keySet()), 1, 0, now));
      store.addVersion(
          version(
              set,
              1,
              "IMPORT",
              "imported from "
                  + directory.resolve(name + ".csv").getFileName()
                  + " (largest gap in the file: "
                  + maxGap
                  + " day(s))",
              "system",
              now),
          rows);
      imported.add(set.ref());
    }
    return imported;
  }

  private static VersionRow version(
      MarketDataSet set, int seq, String kind, String note, String actor, String now) {
    LocalDate first = null;
    LocalDate last = null;
    int n = 0;
    for (PriceHistory h : set.histories().values()) {
      first = first == null || h.dates().get(0).isBefore(first) ? h.dates().get(0) : first;
      last = last == null || h.lastDate().isAfter(last) ? h.lastDate() : last;
      n += h.size();
    }
    return new VersionRow(
        set.name(),
        seq,
        set.version(),
        set.hash(),
        kind,
        first.toString(),
        last.toString(),
        n,
        note,
        actor,
        now);
  }

  /**
   * Appends days to set {@code name} (or, with {@code correction}, replaces the closes of days it
   * has) as a new version. A set that does not exist yet is created by its first append, holding
   * {@code asset} (default: the name's first word in upper case, as the CLI names a file's asset)
   * with the gap policy {@code maxGapDays} (default 1: every calendar day). Refused, with the row
   * named and nothing stored: a malformed row, a date that is not yyyy-mm-dd, a close that is not a
   * positive number, a day already in the set (or twice in the body), a day that follows the
   * previous one by more than the declared gap; for a correction, a day the set does not have.
   */
  @Transactional
  public Appended append(
      String name,
      String body,
      boolean correction,
      String asset,
      Integer maxGapDays,
      String actor) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidParameter("dataSet", "a data set name is letters, digits, '.', '_' or '-'");
    }
    String now = clock.instant().toString();
    Optional<SetRow> locked = store.lockSet(name);
    SetRow set;
    List<Observation> current;
    if (locked.isEmpty()) {
      if (correction) {
        throw new InvalidParameter("dataSet", "no market data set '" + name + "' to correct");
      }
      String a =
          asset != null && !asset.isBlank()
              ? asset.trim()
              : name.split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
      int gap = maxGapDays == null ? 1 : maxGapDays;
      if (gap < 1) {
        throw new InvalidParameter("maxGapDays", "maxGapDays must be >= 1 but was " + gap);
      }
      set = new SetRow(name, List.of(a), gap, 0, now);
      current = List.of();
    } else {
      set = locked.get();
      current = store.observations(name, set.latestSeq());
    }
    List<Row> rows = MarketDataRows.parse(body, set.assets());
    TreeMap<String, TreeMap<String, Double>> byAsset = new TreeMap<>();
    for (Observation o : current) {
      byAsset.computeIfAbsent(o.asset(), k -> new TreeMap<>()).put(o.day(), o.close());
    }
    List<String> days = new ArrayList<>();
    Map<String, String> lastDay = new TreeMap<>();
    byAsset.forEach((a, m) -> lastDay.put(a, m.lastKey()));
    for (Row r : rows) {
      Observation o = r.observation();
      TreeMap<String, Double> series = byAsset.computeIfAbsent(o.asset(), k -> new TreeMap<>());
      String line = o.asset() + " " + o.day() + "," + o.close();
      if (correction) {
        if (!series.containsKey(o.day())) {
          throw MarketDataRows.refused(
              r.line(),
              line,
              "a correction must name a day the set has; "
                  + o.day()
                  + " is not in "
                  + ref(set, name));
        }
      } else {
        if (series.containsKey(o.day())) {
          throw MarketDataRows.refused(
              r.line(),
              line,
              "duplicate day: "
                  + o.day()
                  + " is already in "
                  + (days.contains(o.asset() + " " + o.day()) ? "this body" : ref(set, name))
                  + " (a correction is POSTed with ?correction=true and makes a new version)");
        }
        String previous = lastDay.get(o.asset());
        if (previous != null) {
          long gap = ChronoUnit.DAYS.between(LocalDate.parse(previous), LocalDate.parse(o.day()));
          if (gap <= 0) {
            throw MarketDataRows.refused(
                r.line(), line, "days must increase but " + o.day() + " follows " + previous);
          }
          if (gap > set.maxGapDays()) {
            throw MarketDataRows.refused(
                r.line(),
                line,
                String.format(
                    Locale.ROOT,
                    "gap: %s follows %s by %d days but the set's declared gap policy allows at"
                        + " most %d",
                    o.day(),
                    previous,
                    gap,
                    set.maxGapDays()));
          }
        }
        lastDay.put(o.asset(), o.day());
      }
      series.put(o.day(), o.close());
      days.add(o.asset() + " " + o.day());
    }
    List<Observation> all = new ArrayList<>();
    byAsset.forEach((a, m) -> m.forEach((d, c) -> all.add(new Observation(a, d, c))));
    MarketDataSet unversioned = build(name, "unversioned", all);
    String hash = unversioned.hash();
    String version = hash.substring(0, DirectoryMarketDataSets.VERSION_DIGITS);
    int seq = set.latestSeq() + 1;
    if (store.version(name, version).isPresent()) {
      version = version + "-" + seq; // back to an earlier version's prices: still a new version
    }
    MarketDataSet stored = MarketDataSet.of(name, version, unversioned.histories());
    if (locked.isEmpty()) {
      store.createSet(set);
    }
    VersionRow row =
        version(
            stored,
            seq,
            locked.isEmpty() ? "CREATE" : correction ? "CORRECTION" : "APPEND",
            (correction ? "corrected " : "appended ") + rows.size() + " row(s): " + summary(days),
            actor,
            now);
    store.addVersion(row, rows.stream().map(Row::observation).toList());
    changed.fire(new MarketDataChanged(name, version));
    return new Appended(row, rows.size(), days);
  }

  private String ref(SetRow set, String name) {
    return store.versionAt(name, set.latestSeq()).map(v -> name + "@" + v.version()).orElse(name);
  }

  private static String summary(List<String> days) {
    return days.size() <= 5
        ? String.join(", ", days)
        : days.get(0) + " .. " + days.get(days.size() - 1);
  }
}
