package io.fulcrum.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks user name and password against {@link UserDirectory}; the user's roles become its groups
 * (mapped one-to-one to roles in payara-web.xml).
 *
 * <p>PBKDF2 is deliberately slow (tens of ms); with HTTP Basic every request carries the password,
 * so a successful check is remembered by a SHA-256 of name and password, in memory only.
 */
@ApplicationScoped
public class ConfiguredIdentityStore implements IdentityStore {

  private static final int MAX_REMEMBERED = 10_000;

  @Inject UserDirectory directory;

  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<UserDirectory.User> user = directory.find(c.getCaller());
    if (user.isEmpty() || !passwordMatches(user.get(), c.getPasswordAsString())) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(user.get().name(), user.get().roles());
  }

  private boolean passwordMatches(UserDirectory.User user, String password) {
    String key = digest(user.name() + '\u0000' + password + '\u0000' + user.passwordHash());
    if (verified.containsKey(key)) {
      return true;
    }
    boolean ok = PasswordHashes.matches(password.toCharArray(), user.passwordHash());
    if (ok && verified.size() < MAX_REMEMBERED) {
      verified.put(key, Boolean.TRUE);
    }
    return ok;
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
