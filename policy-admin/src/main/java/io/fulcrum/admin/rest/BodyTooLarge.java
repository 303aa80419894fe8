package io.fulcrum.admin.rest;

/** A request body over its endpoint's {@link BodyLimit}: answered 413, nothing read further. */
final class BodyTooLarge extends RuntimeException {

  private final long limit;

  BodyTooLarge(long limit) {
    super(
        "the request body is larger than the limit of "
            + limit
            + " bytes for this endpoint; nothing was stored");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}
