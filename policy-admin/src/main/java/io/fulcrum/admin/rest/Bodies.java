package io.fulcrum.admin.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.RequestReader;
import java.util.Set;

/** Reads request bodies that wrap margin requests, naming offending fields by JSON path. */
final class Bodies {

  private Bodies() {}

  /** The body as a JSON object whose fields are all in {@code known}. */
  static ObjectNode object(String body, Set<String> known) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequest("(body)", "the request is empty; expected a JSON object");
    }
    // duplicate keys refused with their path, malformed JSON with its line and column
    JsonNode tree = RequestReader.tree(body);
    if (!(tree instanceof ObjectNode object)) {
      throw new InvalidRequest("(body)", "expected a JSON object");
    }
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw new InvalidRequest(
                    name, "unknown field '" + name + "'; known fields: " + known);
              }
            });
    return object;
  }

  /** A margin request nested at {@code path}; its field errors are prefixed with the path. */
  static MarginRequest marginRequest(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new InvalidRequest(
          path, path + " is required: a margin request with account and market");
    }
    try {
      return RequestReader.read(node.toString());
    } catch (InvalidRequest e) {
      String field = e.field().equals("(body)") ? path : path + "." + e.field();
      String message = e.getMessage().substring(e.field().length() + 2);
      throw new InvalidRequest(field, message);
    }
  }

  /** An optional text field. */
  static String text(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidRequest(field, field + " must be a string");
    }
    return v.asText();
  }
}
