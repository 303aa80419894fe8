package io.fulcrum.admin.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * JSON through the engine's mapper ({@link Json#mapper()}), so API JSON is byte-identical to the
 * command line's: decimals as plain strings, sorted maps, ISO timestamps. Plain strings pass
 * through untouched. Bodies with duplicate keys or unknown fields are refused as invalid requests
 * naming the field ({@link RequestReader#refusal}); bodies that carry margin requests ({@link
 * CarriesMarginRequests}) are read by {@link RequestReader} with the request limits. This is the
 * application's only JSON provider: {@link FulcrumApi} turns JSON-B off, which would otherwise
 * write the same types differently (sorted properties, no raw values).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
public class JacksonJson implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

  private static final ObjectMapper MAPPER = Json.mapper();

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type != String.class && type != InputStream.class;
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    // Bounded by RequestBodyLimit before it gets here.
    String text = new String(entity.readAllBytes(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new InvalidRequest("(body)", "the request is empty; expected a JSON object");
    }
    if (type.isAnnotationPresent(CarriesMarginRequests.class)) {
      return RequestReader.read(text, type);
    }
    try {
      return MAPPER.readValue(text, MAPPER.constructType(genericType));
    } catch (JsonProcessingException e) {
      // field path and reason in words (duplicate key, unknown field, ...), no Jackson internals
      throw RequestReader.refusal(e);
    }
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type != String.class;
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream entity)
      throws IOException {
    MAPPER.writeValue(new NonClosing(entity), value);
  }

  /** Jackson closes the stream it writes to; the container owns it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
