package io.fulcrum.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic authentication (put TLS in front of the service beyond this machine). Like the
 * built-in mechanism, but a refusal is a problem+json body rather than the container's HTML page.
 * Requests without credentials pass unauthenticated; the REST layer then answers 401 where a role
 * is needed.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

  public static final String CHALLENGE = "Basic realm=\"fulcrum\"";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return context.doNothing();
    }
    String[] credentials = decode(header.substring(6).trim());
    if (credentials != null) {
      CredentialValidationResult result =
          identityStores.validate(new UsernamePasswordCredential(credentials[0], credentials[1]));
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
      }
    }
    return refuse(response);
  }

  private static String[] decode(String encoded) {
    try {
      String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static AuthenticationStatus refuse(HttpServletResponse response) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", CHALLENGE);
      response.setContentType("application/problem+json");
      response
          .getOutputStream()
          .write(
              ("{\"type\":\"https://fulcrum.io/problems/unauthenticated\","
                      + "\"title\":\"Unauthorized\",\"status\":401,"
                      + "\"detail\":\"unknown user or wrong password\"}")
                  .getBytes(StandardCharsets.UTF_8));
      response.flushBuffer();
      return AuthenticationStatus.SEND_FAILURE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
