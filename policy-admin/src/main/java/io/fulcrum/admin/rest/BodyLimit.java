package io.fulcrum.admin.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method accepts, in bytes; methods without it accept {@link
 * #DEFAULT_BYTES}. Enforced by {@link RequestBodyLimit}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

  /** 1 MiB: a decision request, a what-if, a review comment. */
  long DEFAULT_BYTES = 1024 * 1024;

  /** 8 MiB: a batch of up to 1,000 requests. */
  long BATCH_BYTES = 8 * 1024 * 1024;

  long value();
}
