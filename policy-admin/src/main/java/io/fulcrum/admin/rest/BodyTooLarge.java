package io.fulcrum.admin.rest;

/** A request body over its endpoint's {@link BodyLimit}: answered 413, nothing read further. */
final class BodyTooLarge extends RuntimeException {

  private final long limit;
  private final boolean drained;

  /** {@code drained}: the rest of the body was read and dropped, the connection can go on. */
  BodyTooLarge(long limit, boolean drained) {
    super(
        "the request body is larger than the limit of "
            + limit
            + " bytes for this endpoint; nothing was stored");
    this.limit = limit;
    this.drained = drained;
  }

  boolean drained() {
    return drained;
  }

  long limit() {
    return limit;
  }
}
