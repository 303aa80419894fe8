package io.fulcrum.scenarios.stress;

import io.fulcrum.engine.yaml.YamlDocument;
import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.engine.yaml.YamlNode;
import io.fulcrum.scenarios.suite.ScenarioResolver;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The stress scenarios in a directory, one YAML file each ({@code test-scenarios/stress/}). Every
 * moved asset must name its source; a scenario without one does not load.
 */
public final class StressLibrary {

  private static final Set<String> FIELDS =
      Set.of("scenario", "title", "kind", "period", "shock", "sources", "notes");

  private final Map<String, StressScenario> scenarios;

  private StressLibrary(Map<String, StressScenario> scenarios) {
    this.scenarios = scenarios;
  }

  public static StressLibrary empty() {
    return new StressLibrary(Map.of());
  }

  /** Loads every {@code *.yaml} in {@code dir}; problems as {@link YamlFormatException}. */
  public static StressLibrary at(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new YamlFormatException(dir, 0, "stress library directory not found");
    }
    Map<String, StressScenario> all = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        StressScenario s = read(file);
        if (all.put(s.name(), s) != null) {
          throw new YamlFormatException(
              file, 1, "scenario '" + s.name() + "' is defined in two files");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StressLibrary(new LinkedHashMap<>(all));
  }

  static StressScenario read(Path file) {
    YamlNode root = YamlDocument.read(file).root().allowOnly(FIELDS);
    var shock = SuiteLoader.shock(root.get("shock"));
    Map<String, String> sources = new TreeMap<>();
    root.get("sources").entries().forEach((asset, text) -> sources.put(asset, text.text()));
    List<String> moved = new ArrayList<>(shock.priceMoves().keySet());
    moved.addAll(shock.assetPrices().keySet());
    for (String asset : moved) {
      if (!sources.containsKey(asset)) {
        throw root.get("sources")
            .error("no source for the move of " + asset + "; every move needs one");
      }
    }
    YamlNode kind = root.get("kind");
    StressScenario.Kind k;
    try {
      k = StressScenario.Kind.valueOf(kind.text().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw kind.error("kind must be historical or hypothetical but was '" + kind.text() + "'");
    }
    return new StressScenario(
        root.get("scenario").text(),
        root.get("title").text(),
        k,
        root.get("period").text(),
        shock,
        new TreeMap<>(sources),
        root.find("notes").map(YamlNode::text).orElse(""),
        file);
  }

  public List<StressScenario> all() {
    return List.copyOf(scenarios.values());
  }

  public Optional<StressScenario> find(String name) {
    return Optional.ofNullable(scenarios.get(name));
  }

  public ScenarioResolver resolver() {
    return name -> find(name).map(StressScenario::asMarketState);
  }
}
