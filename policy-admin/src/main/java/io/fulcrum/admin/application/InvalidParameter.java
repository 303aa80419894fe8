package io.fulcrum.admin.application;

/**
 * A value the caller gave (a query or path parameter, or a field of a governance body) that the
 * service refuses: a 400 naming {@code field}. Everything else that fails is the service's fault.
 */
public class InvalidParameter extends RuntimeException {

  private final String field;

  public InvalidParameter(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The parameter or body field, e.g. {@code policy}, {@code effectiveAt}, {@code comment}. */
  public String field() {
    return field;
  }
}
