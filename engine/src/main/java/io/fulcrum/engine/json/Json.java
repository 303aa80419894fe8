package io.fulcrum.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The project's Jackson mappers: one configured mapper per purpose, each built once here and named
 * by what it is for. Nothing else in the code base builds a mapper.
 *
 * <table>
 *   <caption>Mappers</caption>
 *   <tr><th>Accessor</th><th>For</th><th>Configured</th></tr>
 *   <tr><td>{@link #mapper()}, {@link #canonical}, {@link #pretty}</td>
 *       <td>the canonical JSON of decisions, explanations and stored records (decision hashes are
 *       computed over its compact output, golden decisions are its pretty output), and strict
 *       reading of JSON the system wrote (stored decisions, reports) and of suite values</td>
 *       <td>decimals written as strings in plain notation; map entries sorted by key, record fields
 *       in declaration order; {@code java.time} as ISO-8601 strings; reading: decimals exact,
 *       unknown fields, duplicate keys, trailing tokens, null primitives and NaN refused</td></tr>
 *   <tr><td>{@link #requests()} (through {@link RequestReader})</td>
 *       <td>margin requests from outside</td>
 *       <td>{@link #mapper()} plus the request value readers ({@link RequestValues}: bounded
 *       decimals and text) and a parser limit of 256 characters per number</td></tr>
 *   <tr><td>{@link #report()}</td>
 *       <td>backtest, coverage, calibration and measure output ({@code backtest.json}, {@code
 *       calibration.json}, the printed JSON of {@code measure}, {@code backtest}, {@code
 *       calibrate}, {@code coverage-test})</td>
 *       <td>indented; map entries sorted by key; {@code java.time} as ISO-8601 strings; numbers as
 *       JSON numbers (decimals too, unlike {@link #mapper()}); duplicate keys refused</td></tr>
 *   <tr><td>{@link #yaml()}</td>
 *       <td>reading YAML: suites, stress libraries, books ({@code io.fulcrum.engine.yaml
 *       .YamlDocument}), policy manifests, backtest portfolio files</td>
 *       <td>decimals exact ({@code BigDecimal}); unknown fields and duplicate keys refused</td></tr>
 *   <tr><td>{@link #manifestYaml()}</td>
 *       <td>rewriting a manifest's YAML tree with calibrated values (in-memory candidates and the
 *       draft's values)</td>
 *       <td>no {@code ---} marker; quotes only where YAML needs them and around text that reads as
 *       a number ({@code version: "2"}); duplicate keys refused; floats read as doubles</td>
 *       </tr>
 * </table>
 *
 * <p>Requests from outside are read through {@link RequestReader}, which turns every problem into a
 * field-path error on top of {@link #requests()}.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("plain-decimals")
                  .addSerializer(BigDecimal.class, new PlainDecimal()))
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private static final ObjectMapper REQUESTS = requestMapper();

  private static final ObjectMapper REPORT =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final YAMLMapper MANIFEST_YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build());

  private Json() {}

  private static ObjectMapper requestMapper() {
    ObjectMapper mapper = MAPPER.copy().registerModule(RequestValues.module());
    // A JSON number longer than this is refused by the parser itself, before it is converted; the
    // decimal reader then applies RequestLimits.MAX_NUMBER_CHARS with the field's path.
    mapper
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(256).build());
    return mapper;
  }

  /** Canonical JSON of decisions and stored records, and strict reading (see the table above). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Margin requests from outside; read them through {@link RequestReader}. */
  static ObjectMapper requests() {
    return REQUESTS;
  }

  /** Indented report output with numbers as JSON numbers (see the table above). */
  public static ObjectMapper report() {
    return REPORT;
  }

  /** YAML reading: suites, stress libraries, policy manifests (see the table above). */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** Rewriting a manifest's YAML tree with calibrated values (see the table above). */
  public static YAMLMapper manifestYaml() {
    return MANIFEST_YAML;
  }

  /** Compact canonical JSON: the form decision hashes are computed over. */
  public static String canonical(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON for people, same content and order as {@link #canonical}. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class PlainDecimal extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toPlainString());
    }
  }
}
