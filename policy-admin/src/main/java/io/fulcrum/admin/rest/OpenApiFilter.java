package io.fulcrum.admin.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document Payara builds from the annotations, whose scanner describes only
 * the classes of the WAR itself (engine types such as {@code MarginRequest} come out as empty
 * objects, instants as objects): every request and response body of the resources below gets the
 * schema of its Java type as {@link JsonSchemas} derives it from the JSON mapper, and every
 * operation its error answers as {@code application/problem+json} of schema {@code Problem}.
 * Registered by {@code mp.openapi.filter} in {@code META-INF/microprofile-config.properties}.
 */
public class OpenApiFilter implements OASFilter {

  static final List<Class<?>> RESOURCES =
      List.of(
          DecisionResource.class,
          PolicyResource.class,
          AuditResource.class,
          WhatIfResource.class,
          MeResource.class,
          AuthoringResource.class,
          EvidenceResource.class,
          MarketDataResource.class,
          MonitoringResource.class,
          ClusterResource.class);

  /** Error answers every operation may give, beyond those it documents itself. */
  private static final Map<String, String> ERRORS =
      Map.of(
          "400", "the request is invalid; field names the offending parameter or JSON path",
          "401", "no or bad credentials (HTTP Basic)",
          "403", "the user lacks the role",
          "500", "a server error; errorId is in the service log");

  @Override
  public void filterOpenAPI(OpenAPI api) {
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    JsonSchemas schemas = new JsonSchemas();
    Schema problem = schemas.of(Problem.class);
    String root = "/" + FulcrumApi.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class).value();
    for (Class<?> resource : RESOURCES) {
      String base = root + "/" + resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String http = httpMethod(method);
        if (http == null || api.getPaths() == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = sub == null ? base : base + "/" + sub.value();
        PathItem item = api.getPaths().getPathItem(path);
        // Payara keeps a template's regular expression ({path: .+}); OpenAPI names only {path}.
        String template = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        if (item == null) {
          item = api.getPaths().getPathItem(template);
        } else if (!template.equals(path)) {
          api.getPaths().removePathItem(path);
          api.getPaths().addPathItem(template, item);
        }
        Operation operation =
            item == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(http));
        if (operation != null) {
          describe(operation, method, schemas, problem);
        }
      }
    }
    schemas.components().forEach(api.getComponents()::addSchema);
  }

  private static void describe(
      Operation operation, Method method, JsonSchemas schemas, Schema problem) {
    Type body = requestType(method);
    if (body != null && operation.getRequestBody() != null) {
      Content content = operation.getRequestBody().getContent();
      if (content != null && content.getMediaTypes() != null) {
        content
            .getMediaTypes()
            .forEach(
                (type, media) -> {
                  if (type.contains("json")) {
                    media.setSchema(schemas.of(body));
                  }
                });
      }
    }
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    APIResponse[] declared = method.getAnnotationsByType(APIResponse.class);
    if (declared.length > 0) {
      for (APIResponse r : declared) {
        var response = responses.getAPIResponse(r.responseCode());
        if (response != null && response.getContent() != null && r.content().length > 0) {
          Class<?> type = r.content()[0].schema().implementation();
          response
              .getContent()
              .getMediaTypes()
              .values()
              .forEach(m -> m.setSchema(schemas.of(type)));
        }
      }
    } else if (method.getReturnType() != Response.class && method.getReturnType() != void.class) {
      // Payara files an unannotated answer under "default"; it is the 200 answer.
      var answer = responses.getAPIResponse(APIResponses.DEFAULT);
      if (answer == null) {
        answer = OASFactory.createAPIResponse();
      }
      responses.removeAPIResponse(APIResponses.DEFAULT);
      Content content = OASFactory.createContent();
      for (String type : produced(method)) {
        content.addMediaType(
            type,
            OASFactory.createMediaType()
                .schema(
                    type.contains("json")
                        ? schemas.of(method.getGenericReturnType())
                        : OASFactory.createSchema().type(Schema.SchemaType.STRING)));
      }
      var existing = responses.getAPIResponse("200");
      if (existing != null && existing.getContent() != null) {
        existing
            .getContent()
            .getMediaTypes()
            .forEach(
                (t, m) -> {
                  if (!content.hasMediaType(t)) {
                    content.addMediaType(t, m);
                  }
                });
      }
      responses.addAPIResponse(
          "200",
          answer
              .description(answer.getDescription() == null ? "OK" : answer.getDescription())
              .content(content));
    }
    ERRORS.forEach(
        (code, description) -> {
          if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(
                code,
                OASFactory.createAPIResponse()
                    .description(description)
                    .content(
                        OASFactory.createContent()
                            .addMediaType(
                                ProblemResponses.PROBLEM_JSON,
                                OASFactory.createMediaType().schema(problem))));
          }
        });
  }

  /** The body's type: a {@code @RequestBody} schema's implementation, else the entity parameter. */
  private static Type requestType(Method method) {
    RequestBody declared = method.getAnnotation(RequestBody.class);
    if (declared != null && declared.content().length > 0) {
      Class<?> type = declared.content()[0].schema().implementation();
      return type == Void.class ? null : type;
    }
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      if (isEntity(annotations[i]) && method.getParameterTypes()[i] != InputStream.class) {
        return method.getGenericParameterTypes()[i];
      }
    }
    return null;
  }

  private static boolean isEntity(Annotation[] annotations) {
    for (Annotation a : annotations) {
      Class<?> t = a.annotationType();
      if (t == PathParam.class
          || t == QueryParam.class
          || t == HeaderParam.class
          || t == Context.class
          || t == BeanParam.class
          || t == CookieParam.class
          || t == FormParam.class
          || t == MatrixParam.class) {
        return false;
      }
    }
    return true;
  }

  private static String[] produced(Method method) {
    Produces p = method.getAnnotation(Produces.class);
    if (p == null) {
      p = method.getDeclaringClass().getAnnotation(Produces.class);
    }
    return p == null ? new String[] {MediaType.APPLICATION_JSON} : p.value();
  }

  private static String httpMethod(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }
}
