package io.fulcrum.engine.domain;

/**
 * A request the engine cannot evaluate, naming the offending field by its JSON path (e.g. {@code
 * account.positions[0].instrument}).
 */
public class InvalidRequest extends RuntimeException {

  private final String field;

  public InvalidRequest(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
