package io.fulcrum.admin.rest;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body field that must be present ({@link NotNull}), for record components. Fields only:
 * Jakarta's own constraints also target parameters, so on a record component they reach the
 * canonical constructor's parameters too, and Payara 6.2025.10's OpenAPI scanner fails on any
 * constraint on a parameter (a NullPointerException in {@code
 * ApplicationProcessor.addSchemaParameter}, answering /openapi with 500).
 */
@NotNull
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Required {

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
