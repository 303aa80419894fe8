package io.fulcrum.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks user name and password against {@link UserDirectory}; the user's roles become its groups
 * (mapped one-to-one to roles in payara-web.xml).
 *
 * <p>An unknown user name costs the same password hash as a known one (checked against a dummy hash
 * of the same cost), so neither the time nor the answer tells which names exist. PBKDF2 is
 * deliberately slow (tens of ms); with HTTP Basic every request carries the password, so a
 * successful check is remembered in a {@link CredentialCache} for five minutes, cleared when the
 * users file changes.
 */
@ApplicationScoped
public class ConfiguredIdentityStore implements IdentityStore {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 10_000;

  /** Checked when the user name is unknown: same algorithm and iterations as real hashes. */
  private static final String DUMMY_HASH =
      PasswordHashes.hash(("no such user " + System.nanoTime()).toCharArray());

  @Inject UserDirectory directory;

  private final CredentialCache cache = new CredentialCache(REMEMBERED_FOR, MAX_REMEMBERED);
  private final AtomicLong hashChecks = new AtomicLong();
  private volatile long directoryGeneration = -1;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String name = c.getCaller();
    String password = c.getPasswordAsString();
    Optional<UserDirectory.User> user = directory.find(name);
    forgetIfUsersChanged();
    Optional<CredentialCache.Verified> remembered = cache.find(name, password);
    if (remembered.isPresent()) {
      return new CredentialValidationResult(remembered.get().name(), remembered.get().roles());
    }
    hashChecks.incrementAndGet();
    boolean matches =
        PasswordHashes.matches(
            password.toCharArray(), user.map(UserDirectory.User::passwordHash).orElse(DUMMY_HASH));
    if (user.isEmpty() || !matches) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    CredentialCache.Verified verified =
        new CredentialCache.Verified(user.get().name(), user.get().roles());
    cache.remember(name, password, verified);
    return new CredentialValidationResult(verified.name(), verified.roles());
  }

  /** How many password hashes were checked since start (not cache hits). */
  public long hashChecks() {
    return hashChecks.get();
  }

  private void forgetIfUsersChanged() {
    long generation = directory.generation();
    if (generation != directoryGeneration) {
      cache.clear();
      directoryGeneration = generation;
    }
  }
}
