package io.fulcrum.scenarios.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML (or JSON) file that remembers the line of every value, so that problems found after
 * parsing can still be reported as {@code file:line: message}.
 */
public final class YamlDocument {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  /** Reads {@code file}; a {@link SuiteFormatException} with line and column if it is not YAML. */
  public static YamlDocument read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SuiteFormatException(file, 0, "file not found");
    } catch (IOException e) {
      throw new SuiteFormatException(file, 0, "cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  static YamlDocument parse(Path file, String text) {
    try {
      JsonNode root = YAML.readTree(text);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new SuiteFormatException(file, 1, "the file is empty; expected a mapping of fields");
      }
      return new YamlDocument(file, root, lineIndex(text));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      String message = summary(e.getOriginalMessage());
      throw new SuiteFormatException(
          file,
          line,
          "not valid YAML" + (column > 0 ? " (column " + column + ")" : "") + ": " + message);
    }
  }

  private static Map<String, Integer> lineIndex(String text) throws JsonProcessingException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
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

  /** The line of the value at {@code pointer} (JSON Pointer), or of its closest parent. */
  int line(String pointer) {
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
