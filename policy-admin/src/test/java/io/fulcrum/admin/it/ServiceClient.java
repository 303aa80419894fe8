package io.fulcrum.admin.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for the deployed service, always on 127.0.0.1: Payara Micro advertises the
 * machine's first non-loopback address, so the host of the URL Arquillian injects is rewritten.
 */
final class ServiceClient {

  static final String DECIDER = "decider:decider-demo";
  static final String AUDITOR = "auditor:auditor-demo";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServiceClient(URL deployed) {
    this.base = URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
  }

  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Reply get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  Reply get(String path, String user, String accept) {
    return send(request(path, user).header("Accept", accept).GET().build());
  }

  /** A GET with one extra request header. */
  Reply getWithHeader(String path, String user, String header, String value) {
    return send(request(path, user).header(header, value).GET().build());
  }

  Reply post(String path, String user, String json) {
    return post(path, user, json, null);
  }

  Reply post(String path, String user, String json, String idempotencyKey) {
    HttpRequest.Builder b =
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.build());
  }

  /** Any method with a body of any type (null body: none). */
  Reply send(String method, String path, String user, String contentType, byte[] body) {
    HttpRequest.Builder b = request(path, user);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(
        b.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Like {@link #send} but without a Content-Length: the body goes chunked. */
  Reply sendStreamed(String method, String path, String user, String contentType, byte[] body) {
    HttpRequest.Builder b = request(path, user).header("Content-Type", contentType);
    return send(
        b.method(
                method,
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build());
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
