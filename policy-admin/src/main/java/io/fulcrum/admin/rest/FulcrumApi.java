package io.fulcrum.admin.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. The OpenAPI document is served by Payara at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Fulcrum decision service",
            version = "1",
            description =
                "Explainable margin decisions for crypto derivatives, stored in a tamper-evident audit chain."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class FulcrumApi extends Application {

  /**
   * JSON goes through {@link JacksonJson} only: Payara's JSON-B provider would otherwise compete
   * for the same types and write different JSON (sorted properties, no raw values).
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.disableJsonb", true);
  }
}
