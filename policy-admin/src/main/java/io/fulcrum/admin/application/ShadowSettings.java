package io.fulcrum.admin.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/** The detail JSON of a SHADOW_ON event: the active version it is attached to and the tolerance. */
final class ShadowSettings {

  private ShadowSettings() {}

  static String detail(String attachedTo, BigDecimal tolerance) {
    return Json.canonical(Map.of("attachedTo", attachedTo, "tolerance", tolerance.toPlainString()));
  }

  static String attachedTo(String detail) {
    return tree(detail).path("attachedTo").asText();
  }

  static BigDecimal tolerance(String detail) {
    return new BigDecimal(tree(detail).path("tolerance").asText("0"));
  }

  private static JsonNode tree(String detail) {
    try {
      return Json.mapper().readTree(detail);
    } catch (IOException e) {
      throw new UncheckedIOException("shadow event detail does not parse: " + detail, e);
    }
  }
}
