package io.fulcrum.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a margin request from JSON, turning every problem into an {@link InvalidRequest} that names
 * the field by its path ({@code account.positions[1].quantity}) in words for people: no Jackson
 * class names or source excerpts. On top of {@link Json}'s conventions (unknown fields and
 * duplicate keys refused) it enforces {@link RequestLimits}: bounded decimals, bounded and valid
 * text, bounded list sizes.
 */
public final class RequestReader {

  private static final ObjectMapper REQUESTS = Json.requests();

  private static final Pattern KNOWN_TYPE_IDS = Pattern.compile("known type ids = (\\[[^]]*])");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*)");

  private RequestReader() {}

  /** The request in {@code json}, within {@link RequestLimits}. */
  public static MarginRequest read(String json) {
    MarginRequest request = read(json, MarginRequest.class);
    RequestLimits.checkSizes(request);
    return request;
  }

  /**
   * Any value that comes with a request (a what-if order, ...) read with the same limits on
   * decimals and text and the same error paths as {@link #read(String)}.
   */
  public static <T> T read(String json, Class<T> type) {
    if (json == null || json.isBlank()) {
      throw new InvalidRequest("(body)", "the request is empty; expected a JSON object");
    }
    try {
      T value = REQUESTS.readValue(json, type);
      if (value == null) {
        throw new InvalidRequest("(body)", "expected a JSON object but got null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw refusal(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON tree of a body that wraps requests (batch, what-if), with duplicate keys and malformed
   * JSON refused as by {@link #read(String)}; the wrapped requests are read with {@link #read}.
   */
  public static JsonNode tree(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidRequest("(body)", "the request is empty; expected a JSON object");
    }
    try {
      return REQUESTS.readTree(json);
    } catch (JsonProcessingException e) {
      throw refusal(e);
    }
  }

  /**
   * A Jackson failure while reading a body as an {@link InvalidRequest}: the field path and a
   * message in words, as {@link #read(String)} reports it; for readers of other body types.
   */
  public static InvalidRequest refusal(JsonProcessingException e) {
    if (e instanceof JsonMappingException m) {
      return translate(m);
    }
    if (e instanceof StreamReadException r) {
      return malformed(r);
    }
    if (e instanceof StreamConstraintsException c) {
      return tooLarge(c);
    }
    return new InvalidRequest("(body)", readable(e.getOriginalMessage()));
  }

  private static InvalidRequest tooLarge(StreamConstraintsException e) {
    return new InvalidRequest(
        "(body)", "the request exceeds a reader limit: " + readable(e.getOriginalMessage()));
  }

  private static InvalidRequest translate(JsonMappingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read) {
        return malformed(read);
      }
      if (t instanceof StreamConstraintsException limit) {
        return tooLarge(limit);
      }
    }
    String path = path(e.getPath());
    String field = path.isEmpty() ? "(body)" : path;
    if (e instanceof RequestValues.Refused) {
      return new InvalidRequest(field, e.getOriginalMessage());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return new InvalidRequest(
          field,
          "unknown field '" + u.getPropertyName() + "'; known fields: " + u.getKnownPropertyIds());
    }
    if (e instanceof InvalidTypeIdException t) {
      Matcher known = KNOWN_TYPE_IDS.matcher(String.valueOf(t.getOriginalMessage()));
      String kinds = known.find() ? "; known kinds: " + known.group(1) : "";
      return new InvalidRequest(
          field,
          t.getTypeId() == null
              ? "kind is required" + kinds
              : "unknown kind '" + t.getTypeId() + "'" + kinds);
    }
    if (e instanceof InvalidFormatException f) {
      return new InvalidRequest(
          field, "'" + f.getValue() + "' is not a valid " + describe(f.getTargetType()));
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return new InvalidRequest(field, e.getCause().getMessage());
    }
    if (e.getCause() instanceof IllegalArgumentException
        || e.getCause() instanceof NullPointerException) {
      return new InvalidRequest(field, e.getCause().getMessage());
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new InvalidRequest(field, "expected " + describe(m.getTargetType()));
    }
    return new InvalidRequest(field, readable(e.getOriginalMessage()));
  }

  private static InvalidRequest malformed(StreamReadException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // Jackson's duplicate detection (StreamReadFeature.STRICT_DUPLICATE_DETECTION) has no exception
    // type of its own; its message is "Duplicate field 'name'" in every 2.x version.
    if (message.startsWith("Duplicate field ")) {
      JsonParser parser = e.getProcessor();
      String path = parser == null ? "" : path(parser.getParsingContext());
      return new InvalidRequest(
          path.isEmpty() ? "(body)" : path,
          "duplicate key "
              + message.substring("Duplicate field ".length())
              + ": a field may appear only once in an object (the request was not read, so no"
              + " value silently wins)");
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new InvalidRequest("(body)", "malformed JSON" + where + ": " + readable(message));
  }

  /** A Jackson message without class names in back-quotes or pointers into Jackson's API. */
  static String readable(String message) {
    if (message == null) {
      return "cannot be read";
    }
    String text = message.replaceAll(", from `[^`]*`", "").replaceAll("\\s*\\(through .*$", "");
    Matcher m = Pattern.compile("`([^`]*)`").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(QUALIFIED_NAME.matcher(m.group(1)).replaceAll("$1")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == BigDecimal.class) {
      return "decimal number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.getName().startsWith("java.time.")) {
      return "an ISO-8601 "
          + (type == java.time.LocalDate.class ? "date" : "date-time")
          + " string";
    }
    if (type.isEnum()) {
      return "value; one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
      return "an object";
    }
    return type.getSimpleName();
  }

  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** The path of the parser's current position, e.g. {@code account.positions[0].quantity}. */
  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push(c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      if (sb.length() > 0 && !part.startsWith("[")) {
        sb.append('.');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
