package io.fulcrum.engine.support;

import io.fulcrum.engine.domain.InvalidRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants, read and written one way.
 *
 * <p><b>Format</b> ({@link #format}): {@link DateTimeFormatter#ISO_INSTANT}, which is also what
 * {@link Instant#toString()} and the JSON mappers write: UTC with a {@code Z}, seconds always
 * written, the fraction only when it is not zero and then in groups of three digits ({@code
 * 2026-11-25T12:00:00Z}, {@code 2026-11-25T12:00:00.250Z}). The audit chain seals instants in this
 * form, so it must never change.
 *
 * <p><b>Parse</b> ({@link #parse}): what {@link Instant#parse} accepts ({@code Z} or an offset such
 * as {@code +01:00}, optional fraction); anything else is an {@link InvalidRequest} naming the
 * field or parameter the text came from.
 */
public final class Instants {

  /** The example the error message gives. */
  public static final String EXAMPLE = "2026-11-25T12:00:00Z";

  private Instants() {}

  /**
   * The instant in {@code text} (not trimmed: surrounding blanks are an error).
   *
   * @param field the field or parameter the text came from, named in the error
   * @throws InvalidRequest if {@code text} is null, blank or not an ISO-8601 instant
   */
  public static Instant parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest(field, "is required: an ISO-8601 instant such as " + EXAMPLE);
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(
          field, "'" + text + "' is not an ISO-8601 instant such as " + EXAMPLE);
    }
  }

  /** Like {@link #parse}, but null or blank text (an optional parameter left out) is null. */
  public static Instant parseOptional(String field, String text) {
    return text == null || text.isBlank() ? null : parse(field, text);
  }

  /** {@code instant} in the fixed form described above; null stays null. */
  public static String format(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
