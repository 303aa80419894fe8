package io.fulcrum.admin.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body type that carries margin requests or values that come with them (what-if orders):
 * {@link JacksonJson} reads it through the engine's {@code RequestReader}, so the request limits on
 * decimals and text apply and errors name the field by its JSON path, as for a decision.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface CarriesMarginRequests {}
