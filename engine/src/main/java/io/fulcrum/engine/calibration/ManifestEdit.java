package io.fulcrum.engine.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyManifest;
import io.fulcrum.engine.policy.PolicyManifest.MeasureBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Sets calibrated values in a policy manifest (its YAML tree, so every other entry is kept). A
 * value is addressed by a path:
 *
 * <ul>
 *   <li>{@code <parameter>}: an entry of the manifest's {@code parameters};
 *   <li>{@code measures.<name>.<setting>}: a setting of the measure bound as {@code <name>} (one
 *       the measure plugin accepts, whether or not the manifest sets it).
 * </ul>
 *
 * Numbers are written as YAML numbers, anything else as text. Stateless.
 */
public final class ManifestEdit {

  private static final String MEASURES = "measures.";

  private ManifestEdit() {}

  /** The paths that can be set in {@code manifest}: its parameters, then its measures' settings. */
  public static SortedSet<String> paths(PolicyManifest manifest, RiskMeasures measures) {
    TreeSet<String> paths = new TreeSet<>(manifest.parameters().keySet());
    for (MeasureBinding b : manifest.measures()) {
      for (String setting : measures.get(b.measure()).parameterNames()) {
        paths.add(MEASURES + b.name() + "." + setting);
      }
    }
    return paths;
  }

  /** Whether {@code name} is a {@code measures.<name>.<setting>} path. */
  static boolean isMeasurePath(String name) {
    return name.startsWith(MEASURES) && name.indexOf('.', MEASURES.length()) > 0;
  }

  /**
   * The YAML of {@code manifestYaml} with {@code values} set and their {@code bounds:} entries
   * dropped (for an in-memory candidate; the draft is written by {@link DraftPolicyWriter}, which
   * keeps them); {@link IllegalArgumentException} naming an unknown path.
   */
  public static byte[] apply(byte[] manifestYaml, Map<String, String> values) {
    try {
      ObjectNode manifest = (ObjectNode) Json.manifestYaml().readTree(manifestYaml);
      values.forEach((path, value) -> set(manifest, path, value));
      // A candidate outside a bound is still backtested (calibration marks it and never proposes
      // it), so the in-memory candidate must not trip its own manifest check.
      if (manifest.path("bounds").isObject()) {
        ((ObjectNode) manifest.get("bounds")).remove(values.keySet());
      }
      return Json.manifestYaml().writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the manifest YAML", e);
    }
  }

  /**
   * Sets one value; returns false when the path names neither a parameter nor a bound measure (the
   * caller decides whether that is an error).
   */
  static boolean trySet(ObjectNode manifest, String path, String value) {
    if (isMeasurePath(path)) {
      String rest = path.substring(MEASURES.length());
      int dot = rest.indexOf('.');
      String name = rest.substring(0, dot);
      for (JsonNode m : manifest.path("measures")) {
        if (name.equals(m.path("name").asText())) {
          ObjectNode settings =
              m.path("settings").isObject()
                  ? (ObjectNode) m.get("settings")
                  : ((ObjectNode) m).putObject("settings");
          settings.set(rest.substring(dot + 1), node(value));
          return true;
        }
      }
      return false;
    }
    JsonNode params = manifest.path("parameters");
    if (params.isObject() && params.has(path)) {
      ((ObjectNode) params).set(path, node(value));
      return true;
    }
    return false;
  }

  private static void set(ObjectNode manifest, String path, String value) {
    if (!trySet(manifest, path, value)) {
      List<String> known = new ArrayList<>();
      manifest.path("parameters").fieldNames().forEachRemaining(known::add);
      manifest
          .path("measures")
          .forEach(m -> known.add(MEASURES + m.path("name").asText() + ".<setting>"));
      throw new IllegalArgumentException(
          "the manifest has no parameter '" + path + "'; known: " + known);
    }
  }

  static JsonNode node(String value) {
    try {
      return Json.manifestYaml().getNodeFactory().numberNode(new BigDecimal(value.trim()));
    } catch (NumberFormatException e) {
      return Json.manifestYaml().getNodeFactory().textNode(value);
    }
  }
}
