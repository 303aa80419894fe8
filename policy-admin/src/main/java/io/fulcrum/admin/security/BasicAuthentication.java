package io.fulcrum.admin.security;

import jakarta.annotation.PostConstruct;
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
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic authentication (put TLS in front of the service beyond this machine). Like the
 * built-in mechanism, but a refusal is a problem+json body rather than the container's HTML page.
 * Requests without credentials pass unauthenticated; the REST layer then answers 401 where a role
 * is needed.
 *
 * <p>Failed logins are limited per user name and per client address ({@link LoginLimiter}): past
 * the limit the answer is 429 with {@code Retry-After}, given before any password hashing, even for
 * the right password (else a guess that hits would still be told apart). Limits come from {@code
 * fulcrum.login.max-failures-per-user} (10), {@code fulcrum.login.max-failures-per-address} (100)
 * and {@code fulcrum.login.window} (PT5M). The address is the TCP peer: behind a proxy, every
 * client shares the proxy's address.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

  public static final String CHALLENGE = "Basic realm=\"fulcrum\"";

  /**
   * The {@code X-Requested-With} value the web console sends with every API call: its 401 answers
   * carry no {@code WWW-Authenticate} challenge, so the browser shows the console's own sign-in
   * form rather than its built-in credentials dialog.
   */
  public static final String CONSOLE_CLIENT = "fulcrum-console";

  /** The request header that names the console as the client. */
  public static final String REQUESTED_WITH = "X-Requested-With";

  /**
   * Whether a 401 answer to a request with this {@code X-Requested-With} header (null when absent)
   * carries the {@link #CHALLENGE}: always, except for the console ({@link #CONSOLE_CLIENT}).
   */
  public static boolean challenges(String requestedWith) {
    return !CONSOLE_CLIENT.equalsIgnoreCase(requestedWith == null ? "" : requestedWith.strip());
  }

  @Inject IdentityStoreHandler identityStores;

  @Inject
  @ConfigProperty(name = "fulcrum.login.max-failures-per-user", defaultValue = "10")
  int maxFailuresPerUser;

  @Inject
  @ConfigProperty(name = "fulcrum.login.max-failures-per-address", defaultValue = "100")
  int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "fulcrum.login.window", defaultValue = "PT5M")
  String window;

  private LoginLimiter limiter;

  @PostConstruct
  void limits() {
    limiter =
        new LoginLimiter(
            new LoginLimiter.Limits(
                maxFailuresPerUser,
                maxFailuresPerAddress,
                Duration.parse(window),
                LoginLimiter.Limits.standard().maxKeys()));
  }

  /** The failed-login limits in force. */
  public LoginLimiter.Limits loginLimits() {
    return limiter.limits();
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return context.doNothing();
    }
    String[] credentials = decode(header.substring(6).trim());
    if (credentials == null) {
      return refuse(request, response);
    }
    String user = credentials[0];
    String address = String.valueOf(request.getRemoteAddr());
    Optional<Duration> wait = limiter.refusal(user, address);
    if (wait.isPresent()) {
      return tooManyFailures(response, wait.get());
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(user, credentials[1]));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      limiter.succeeded(user);
      return context.notifyContainerAboutLogin(result);
    }
    limiter.failed(user, address);
    return refuse(request, response);
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

  private static AuthenticationStatus tooManyFailures(HttpServletResponse response, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return problem(
        response,
        429,
        "Too Many Requests",
        "too-many-failed-logins",
        "too many failed logins for this user or from this address; retry after "
            + seconds
            + " seconds",
        "Retry-After",
        Long.toString(seconds));
  }

  private static AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response) {
    boolean challenge = challenges(request.getHeader(REQUESTED_WITH));
    return problem(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        "unauthenticated",
        "unknown user or wrong password",
        challenge ? "WWW-Authenticate" : null,
        CHALLENGE);
  }

  private static AuthenticationStatus problem(
      HttpServletResponse response,
      int status,
      String title,
      String type,
      String detail,
      String header,
      String headerValue) {
    try {
      response.setStatus(status);
      if (header != null) {
        response.setHeader(header, headerValue);
      }
      response.setContentType("application/problem+json");
      response
          .getOutputStream()
          .write(
              ("{\"type\":\"https://fulcrum.io/problems/"
                      + type
                      + "\",\"title\":\""
                      + title
                      + "\",\"status\":"
                      + status
                      + ",\"detail\":\""
                      + detail
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
      response.flushBuffer();
      return AuthenticationStatus.SEND_FAILURE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
