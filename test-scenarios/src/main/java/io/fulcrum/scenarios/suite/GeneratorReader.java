package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.yaml.YamlNode;
import io.fulcrum.scenarios.generate.GeneratorSpec;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code generate} section of a suite. */
final class GeneratorReader {

  private static final Set<String> FIELDS =
      Set.of(
          "count",
          "seed",
          "idPrefix",
          "instruments",
          "positions",
          "notional",
          "leverage",
          "shortShare",
          "isolatedShare",
          "entrySpread",
          "collateral");
  private static final Set<String> RANGE = Set.of("min", "max");
  private static final Set<String> COLLATERAL = Set.of("asset", "multiple");

  private GeneratorReader() {}

  static GeneratorSpec read(YamlNode node) {
    node.allowOnly(FIELDS);
    YamlNode positions = range(node.find("positions"));
    YamlNode notional = range(Optional.of(node.get("notional")));
    YamlNode leverage = range(Optional.of(node.get("leverage")));
    YamlNode collateral = node.get("collateral").allowOnly(COLLATERAL);
    YamlNode multiple = range(Optional.of(collateral.get("multiple")));
    try {
      return new GeneratorSpec(
          (int) node.get("count").integer(),
          node.get("seed").integer(),
          node.find("idPrefix").map(YamlNode::text).orElse("gen-"),
          node.get("instruments").listOrOne().stream().map(YamlNode::text).toList(),
          positions == null ? 1 : (int) positions.get("min").integer(),
          positions == null ? 1 : (int) positions.get("max").integer(),
          notional.get("min").decimal(),
          notional.get("max").decimal(),
          (int) leverage.get("min").integer(),
          (int) leverage.get("max").integer(),
          share(node, "shortShare", "0.5"),
          share(node, "isolatedShare", "0.2"),
          share(node, "entrySpread", "0.05"),
          collateral.get("asset").text(),
          multiple.get("min").decimal().doubleValue(),
          multiple.get("max").decimal().doubleValue());
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static YamlNode range(Optional<YamlNode> node) {
    return node.map(n -> n.allowOnly(RANGE)).orElse(null);
  }

  private static double share(YamlNode node, String field, String fallback) {
    return node.find(field).map(YamlNode::decimal).orElse(new BigDecimal(fallback)).doubleValue();
  }
}
