package io.fulcrum.engine.yaml;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value in a {@link YamlDocument} with its location. Accessors check the shape the format expects
 * and fail with a {@link YamlFormatException} naming file, line, field and value.
 */
public final class YamlNode {

  private final YamlDocument document;
  private final JsonNode node;
  private final String pointer;

  YamlNode(YamlDocument document, JsonNode node, String pointer) {
    this.document = document;
    this.node = node;
    this.pointer = pointer;
  }

  public int line() {
    return document.line(pointer);
  }

  /** The field path for messages, e.g. {@code accounts[2].positions[0]}. */
  public String path() {
    if (pointer.isEmpty()) {
      return "(top level)";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/")) {
      if (part.matches("\\d+")) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  public YamlFormatException error(String message) {
    return new YamlFormatException(document.file(), line(), path() + ": " + message);
  }

  public boolean isMap() {
    return node.isObject();
  }

  public boolean isList() {
    return node.isArray();
  }

  public boolean isNull() {
    return node.isNull();
  }

  /** Rejects fields other than {@code known} (catches typos such as {@code maintenaceMargin}). */
  public YamlNode allowOnly(Set<String> known) {
    requireMap();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw field(name)
            .error("unknown field '" + name + "'; known fields: " + new TreeSet<>(known));
      }
    }
    return this;
  }

  public Optional<YamlNode> find(String name) {
    requireMap();
    JsonNode child = node.get(name);
    return child == null ? Optional.empty() : Optional.of(field(name));
  }

  public YamlNode get(String name) {
    return find(name).orElseThrow(() -> error("field '" + name + "' is required"));
  }

  private YamlNode field(String name) {
    JsonNode child = node.get(name);
    return new YamlNode(
        document,
        child == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : child,
        pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
  }

  /** This mapping without {@code name} (e.g. a documentation field before binding). */
  public YamlNode without(String name) {
    requireMap();
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
    copy.remove(name);
    return new YamlNode(document, copy, pointer);
  }

  public List<YamlNode> list() {
    if (!node.isArray()) {
      throw error("must be a list but was " + describe());
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(new YamlNode(document, node.get(i), pointer + "/" + i));
    }
    return items;
  }

  /** A list, or a single value read as a one-element list. */
  public List<YamlNode> listOrOne() {
    return node.isArray() ? list() : List.of(this);
  }

  /** Entries of a mapping, in file order. */
  public Map<String, YamlNode> entries() {
    requireMap();
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(name -> entries.put(name, field(name)));
    return entries;
  }

  public String text() {
    if (!node.isValueNode() || node.isNull()) {
      throw error("must be a text value but was " + describe());
    }
    String text = node.asText().strip();
    if (text.isEmpty()) {
      throw error("must not be empty");
    }
    return text;
  }

  public BigDecimal decimal() {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip().replace("_", ""));
      } catch (NumberFormatException e) {
        throw error("must be a number but was '" + node.asText() + "'");
      }
    }
    throw error("must be a number but was " + describe());
  }

  public long integer() {
    BigDecimal value = decimal();
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw error("must be a whole number but was " + value.toPlainString());
    }
  }

  public boolean bool() {
    if (!node.isBoolean()) {
      throw error("must be true or false but was " + describe());
    }
    return node.booleanValue();
  }

  /** Binds this value to an engine record with the engine's JSON conventions. */
  public <T> T as(Class<T> type) {
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw at(e.getPath()).error(reason(e));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw error(e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /**
   * The value at {@code path} below this one (a binding exception's path: field names and list
   * indexes), even where the path leads to a value the file does not have (its line is then the
   * closest parent's).
   */
  YamlNode at(List<JsonMappingException.Reference> path) {
    YamlNode at = this;
    for (JsonMappingException.Reference ref : path) {
      at =
          ref.getFieldName() != null
              ? at.field(ref.getFieldName())
              : new YamlNode(
                  document, at.node.path(ref.getIndex()), at.pointer + "/" + ref.getIndex());
    }
    return at;
  }

  /**
   * The binding problem in words: the engine's own message for a value a constructor refused, the
   * known fields for an unknown one, else the first line of Jackson's message.
   */
  public static String reason(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      return cause.getMessage();
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      return "unknown field '"
          + u.getPropertyName()
          + "'; known fields: "
          + u.getKnownPropertyIds();
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private void requireMap() {
    if (!node.isObject()) {
      throw error("must be a mapping of fields but was " + describe());
    }
  }

  private String describe() {
    if (node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "empty (null)";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "'" + node.asText() + "'";
  }
}
