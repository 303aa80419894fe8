package io.fulcrum.engine.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML (or JSON) file that remembers the line of every value, so that problems found after
 * parsing can still be reported as {@code file:line: message}: suites, stress libraries and policy
 * manifests. Parsed with {@link Json#yaml()} (a key given twice is an error, decimals are exact).
 */
public final class YamlDocument {

  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  /** Reads {@code file}; a {@link YamlFormatException} with line and column if it is not YAML. */
  public static YamlDocument read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new YamlFormatException(file, 0, "file not found");
    } catch (IOException e) {
      throw new YamlFormatException(file, 0, "cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /**
   * Parses {@code text}, naming {@code file} in messages; a {@link YamlFormatException} with line
   * and column if it is not YAML, or if it is empty.
   */
  public static YamlDocument parse(Path file, String text) {
    try {
      JsonNode root = Json.yaml().readTree(text);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new YamlFormatException(file, 1, "the file is empty; expected a mapping of fields");
      }
      return new YamlDocument(file, root, lineIndex(text));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      String message = summary(e.getOriginalMessage());
      throw new YamlFormatException(
          file,
          line,
          "not valid YAML" + (column > 0 ? " (column " + column + ")" : "") + ": " + message);
    }
  }

  private static Map<String, Integer> lineIndex(String text) throws JsonProcessingException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = Json.yaml().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          lines.putIfAbsent(
              parser.getParsingContext().pathAsPointer().toString(),
              parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string failed", e);
    }
    return lines;
  }

  /** The parser's message without the source excerpts and caret lines it quotes. */
  private static String summary(String message) {
    if (message == null) {
      return "(no detail)";
    }
    return message
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("in '"))
        .map(String::strip)
        .reduce((a, b) -> a + "; " + b)
        .orElse(message.strip());
  }

  public Path file() {
    return file;
  }

  /** The document's top-level value. */
  public YamlNode root() {
    return new YamlNode(this, root, "");
  }

  /**
   * The value a binding problem is about: the node at the exception's path (for an unknown field,
   * the field itself), so its line is the line of that value however deep it lies.
   */
  public YamlNode at(JsonMappingException e) {
    return root().at(e.getPath());
  }

  /**
   * The line of the value at {@code pointer} (JSON Pointer, e.g. {@code /measures/0/name}), or of
   * its closest parent present in the file; 1 for the top level.
   */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
