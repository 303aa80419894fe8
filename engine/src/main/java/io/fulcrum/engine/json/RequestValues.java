package io.fulcrum.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The scalar readers of a request: every decimal and every text value (including map keys) of a
 * request passes through them, so the limits of {@link RequestLimits} hold for every field without
 * listing the fields. A refusal is a {@link Refused} mapping exception; Jackson adds the field path
 * as it unwinds, and {@link RequestReader} reports path and message.
 */
final class RequestValues {

  private RequestValues() {}

  /** The module that installs the bounded readers on a mapper. */
  static SimpleModule module() {
    return new SimpleModule("fulcrum-request-values")
        .addDeserializer(BigDecimal.class, new BoundedDecimal())
        .addDeserializer(String.class, new CheckedText())
        .addKeyDeserializer(String.class, new CheckedKey());
  }

  /** A value the request limits refuse; the message is for people, the path is added by Jackson. */
  static final class Refused extends JsonMappingException {
    Refused(JsonParser p, String message) {
      super(p, message);
    }
  }

  /**
   * A decimal from a JSON string or number, refused before it is parsed when its text is too long
   * (parsing a long digit string is itself expensive) and right after when its scale or size is
   * beyond the limits, so no arithmetic ever sees {@code 1e-10000000}.
   */
  static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

    BoundedDecimal() {
      super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_NUMBER_INT
          && token != JsonToken.VALUE_NUMBER_FLOAT
          && token != JsonToken.VALUE_STRING) {
        throw new Refused(
            p,
            "expected a decimal number (a string like \"60000.5\" or a number) but got "
                + describe(token));
      }
      String text = p.getText().trim();
      if (text.isEmpty()) {
        return null;
      }
      return check(p, text);
    }

    static BigDecimal check(JsonParser p, String text) throws Refused {
      if (text.length() > RequestLimits.MAX_NUMBER_CHARS) {
        throw new Refused(
            p,
            "a decimal may be written with at most "
                + RequestLimits.MAX_NUMBER_CHARS
                + " characters but this one has "
                + text.length());
      }
      BigDecimal value;
      try {
        value = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new Refused(p, "'" + text + "' is not a valid decimal number");
      }
      if (value.scale() > RequestLimits.MAX_DECIMAL_PLACES) {
        throw new Refused(
            p,
            String.format(
                Locale.ROOT,
                "'%s' has %d decimal places; at most %d are allowed (the smallest non-zero amount is"
                    + " 1e-%d)",
                text,
                value.scale(),
                RequestLimits.MAX_DECIMAL_PLACES,
                RequestLimits.MAX_DECIMAL_PLACES));
      }
      // Digits before the point; long arithmetic, as precision - scale overflows an int for
      // 1e-2^31.
      long integerDigits = (long) value.precision() - value.scale();
      if (integerDigits > RequestLimits.MAX_INTEGER_DIGITS) {
        throw new Refused(
            p,
            String.format(
                Locale.ROOT,
                "'%s' has %d digits before the decimal point; at most %d are allowed",
                text,
                integerDigits,
                RequestLimits.MAX_INTEGER_DIGITS));
      }
      return value;
    }
  }

  /** A text value: bounded length, valid Unicode (no lone surrogate), no control characters. */
  static final class CheckedText extends StdScalarDeserializer<String> {

    CheckedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_STRING
          && token != JsonToken.VALUE_NUMBER_INT
          && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw new Refused(p, "expected a string but got " + describe(token));
      }
      return check(p, p.getText(), "text");
    }
  }

  /** A map key (instrument symbol in {@code prices}, asset in {@code assetPrices}, ...). */
  static final class CheckedKey extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      return check(ctxt.getParser(), key, "key");
    }
  }

  static String check(JsonParser p, String text, String what) throws Refused {
    if (text.length() > RequestLimits.MAX_TEXT_CHARS) {
      throw new Refused(
          p,
          String.format(
              Locale.ROOT,
              "a %s may be at most %d characters long but this one has %,d",
              what,
              RequestLimits.MAX_TEXT_CHARS,
              text.length()));
    }
    int bad = loneSurrogate(text);
    if (bad >= 0) {
      throw new Refused(
          p,
          String.format(
              Locale.ROOT,
              "invalid Unicode: a lone UTF-16 surrogate \\u%04x at character %d (a surrogate must"
                  + " be half of a pair)",
              (int) text.charAt(bad),
              bad));
    }
    int control = controlCharacter(text);
    if (control >= 0) {
      // Request texts are identifiers (account ids, symbols, assets, enum names, dates): none has
      // a use for a control character, and a NUL is refused by PostgreSQL's text type.
      throw new Refused(
          p,
          String.format(
              Locale.ROOT,
              "a control character \\u%04x at character %d is not allowed",
              (int) text.charAt(control),
              control));
    }
    return text;
  }

  /** Index of the first C0 control character or DEL (U+0000-U+001F, U+007F), or -1. */
  static int controlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the first surrogate that is not half of a well-formed pair, or -1. */
  static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }
}
