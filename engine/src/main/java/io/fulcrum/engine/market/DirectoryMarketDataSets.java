package io.fulcrum.engine.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Market data sets over a directory of price CSVs (see {@link PriceCsv}). Each file is a set named
 * by its file stem ({@code btc-usd-daily.csv} is {@code btc-usd-daily}) holding one asset, named by
 * the stem's first hyphen-separated word in upper case ({@code BTC}). Files joined with {@code +}
 * ({@code btc-usd-daily+eth-usd-daily}) form one multi-asset set. The version is the first {@value
 * #VERSION_DIGITS} hex digits of the set's content hash ({@link MarketDataSet#hash()}), so a
 * reference {@code name@version} pins the exact prices. A loaded set is kept while its files keep
 * their size and modification time (at most {@value #CACHED_SETS} sets), so a service deciding on a
 * named set does not re-read and re-hash the CSV for every decision; thread-safe.
 *
 * <p>Names are file stems of this directory only: a name with a path separator or starting with a
 * dot ({@code ../secret}) is unknown, so a request cannot make the service read other files.
 */
public final class DirectoryMarketDataSets implements MarketDataSets {

  public static final int VERSION_DIGITS = 12;
  static final int CACHED_SETS = 32;

  private static final Pattern STEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path directory;
  private final MissingDataPolicy missing;
  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

  /** A loaded set and the size and modification time of each of its files when it was read. */
  private record Loaded(List<String> stamps, MarketDataSet set) {}

  private DirectoryMarketDataSets(Path directory, MissingDataPolicy missing) {
    this.directory = directory;
    this.missing = missing;
  }

  public static DirectoryMarketDataSets at(Path directory, MissingDataPolicy missing) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("market data directory does not exist: " + directory);
    }
    return new DirectoryMarketDataSets(directory, missing);
  }

  /** The set names available: the stems of the CSV files, sorted. */
  public List<String> names() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The set {@code name} or {@code name@version}; empty when a file is missing or the version does
   * not match. Bad files raise {@link IllegalArgumentException}.
   */
  @Override
  public Optional<MarketDataSet> find(String ref) {
    String[] parts = ref.split("@", 2);
    String name = parts[0].trim();
    List<Path> files = new ArrayList<>();
    for (String stem : name.split("\\+")) {
      if (!STEM.matcher(stem.trim()).matches()) {
        return Optional.empty();
      }
      Path file = directory.resolve(stem.trim() + ".csv");
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      files.add(file);
    }
    MarketDataSet set = loadCached(name, files);
    if (parts.length == 2 && !set.version().equals(parts[1].trim())) {
      return Optional.empty();
    }
    return Optional.of(set);
  }

  /** Every single-file set with its current version ({@code name@version}), sorted. */
  @Override
  public List<String> known() {
    List<String> refs = new ArrayList<>();
    for (String name : names()) {
      try {
        find(name).ifPresent(s -> refs.add(s.ref()));
      } catch (IllegalArgumentException e) {
        // a file that does not load is not a known set; find() reports why when it is named
      }
    }
    return refs;
  }

  private MarketDataSet loadCached(String name, List<Path> files) {
    List<String> stamps = new ArrayList<>();
    try {
      for (Path file : files) {
        stamps.add(Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Loaded cached = cache.get(name);
    if (cached != null && cached.stamps().equals(stamps)) {
      return cached.set();
    }
    MarketDataSet set = load(name, files, missing, null);
    if (cache.size() >= CACHED_SETS) {
      cache.clear();
    }
    cache.put(name, new Loaded(stamps, set));
    return set;
  }

  /** Like {@link #find} but an {@link IllegalArgumentException} saying what exists. */
  public MarketDataSet get(String ref) {
    return find(ref)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    String.format(
                        Locale.ROOT,
                        "market data set '%s' not found in %s; sets: %s (version = first %d hex digits of the "
                            + "content hash%s)",
                        ref,
                        directory,
                        names(),
                        VERSION_DIGITS,
                        currentVersion(ref))));
  }

  private String currentVersion(String ref) {
    String name = ref.split("@", 2)[0];
    if (!ref.contains("@")) {
      return "";
    }
    try {
      return find(name).map(s -> "; current version of " + name + " is " + s.version()).orElse("");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** One set from price files; the version is the hash prefix unless {@code version} is given. */
  public static MarketDataSet load(
      String name, List<Path> files, MissingDataPolicy missing, String version) {
    TreeMap<String, PriceHistory> histories = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    notes.add("missing-data policy: " + missing.label());
    for (Path file : files) {
      String asset = assetOf(file);
      PriceCsv.Loaded loaded = PriceCsv.read(file, asset, new PriceCsv.Options(null, missing));
      if (histories.put(asset, loaded.history()) != null) {
        throw new IllegalArgumentException(
            "market data set "
                + name
                + " has two files for asset "
                + asset
                + "; the asset is the first word of the file name");
      }
      notes.addAll(loaded.notes());
    }
    MarketDataSet unversioned = new MarketDataSet(name, "unversioned", histories, notes);
    String v = version != null ? version : unversioned.hash().substring(0, VERSION_DIGITS);
    return new MarketDataSet(name, v, histories, notes);
  }

  /** A user's CSV file as a one-asset set named by its stem. */
  public static MarketDataSet file(Path csv, MissingDataPolicy missing) {
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("price file does not exist: " + csv);
    }
    return load(stem(csv), List.of(csv), missing, null);
  }

  static String assetOf(Path file) {
    return stem(file).split("[-_.]", 2)[0].toUpperCase(Locale.ROOT);
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
