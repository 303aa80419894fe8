package io.fulcrum.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a margin request from JSON, turning every problem into an {@link InvalidRequest} that names
 * the field by its path ({@code account.positions[1].quantity}).
 */
public final class RequestReader {

  private RequestReader() {}

  public static MarginRequest read(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidRequest(
          "(body)", "the request is empty; expected a JSON object with account and market");
    }
    try {
      MarginRequest request = Json.mapper().readValue(json, MarginRequest.class);
      if (request == null) {
        throw new InvalidRequest(
            "(body)", "expected a JSON object with account and market but got null");
      }
      return request;
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (StreamReadException e) {
      throw malformed(e);
    } catch (JsonProcessingException e) {
      throw new InvalidRequest("(body)", e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InvalidRequest translate(JsonMappingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read) {
        return malformed(read);
      }
    }
    String path = path(e.getPath());
    if (e instanceof UnrecognizedPropertyException u) {
      return new InvalidRequest(
          path,
          "unknown field '" + u.getPropertyName() + "'; known fields: " + u.getKnownPropertyIds());
    }
    if (e instanceof InvalidFormatException f) {
      return new InvalidRequest(
          path, "'" + f.getValue() + "' is not a valid " + simpleName(f.getTargetType()));
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      Throwable cause = e.getCause();
      return new InvalidRequest(path.isEmpty() ? "(body)" : path, cause.getMessage());
    }
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof IllegalArgumentException
        || e.getCause() instanceof NullPointerException) {
      message = e.getCause().getMessage();
    }
    return new InvalidRequest(path.isEmpty() ? "(body)" : path, message);
  }

  private static InvalidRequest malformed(StreamReadException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new InvalidRequest("(body)", "malformed JSON" + where + ": " + e.getOriginalMessage());
  }

  private static String simpleName(Class<?> type) {
    if (type == java.math.BigDecimal.class) {
      return "decimal number";
    }
    return type == null ? "value" : type.getSimpleName();
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
}
