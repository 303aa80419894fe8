package io.fulcrum.admin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials that passed the (deliberately slow) password hash, so that HTTP Basic
 * clients, which send the password with every request, pay for it once per {@code ttl} rather than
 * on every request.
 *
 * <p>The key is HMAC-SHA256 over user name and password under a random key made when the process
 * starts and never stored: the map holds no password and nothing that a fast offline guess could be
 * checked against without that key, which only this process's memory has. Bounded ({@code
 * maxEntries}, least recently used go first), entries expire {@code ttl} after they were verified,
 * and {@link #clear()} drops all (the users file changed). Thread-safe.
 */
public final class CredentialCache {

  /** A verified caller: the name and roles it logged in with. */
  public record Verified(String name, Set<String> roles) {
    public Verified {
      roles = Set.copyOf(roles);
    }
  }

  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;
  private final Cache<String, Verified> verified;

  public CredentialCache(Duration ttl, long maxEntries) {
    this(ttl, maxEntries, Ticker.systemTicker());
  }

  CredentialCache(Duration ttl, long maxEntries, Ticker ticker) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
    this.verified =
        Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).build();
  }

  /** The caller, if this exact user name and password were verified within the ttl. */
  public Optional<Verified> find(String user, String password) {
    return Optional.ofNullable(verified.getIfPresent(keyOf(user, password)));
  }

  /** Remembers a credential that has just passed the password hash. */
  public void remember(String user, String password, Verified caller) {
    verified.put(keyOf(user, password), caller);
  }

  /** Forgets every credential. */
  public void clear() {
    verified.invalidateAll();
  }

  long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  private String keyOf(String user, String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      byte[] name = user.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(4).putInt(name.length).array()); // no name/password ambiguity
      mac.update(name);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
