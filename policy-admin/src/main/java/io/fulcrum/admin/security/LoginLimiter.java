package io.fulcrum.admin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins per user name and per client address and refuses further attempts, before
 * any password hashing, once either reaches its limit within a window. The window starts at the
 * key's first failure and the key is free again when it ends; a successful login clears the user's
 * count (not the address's). Unknown and known user names are counted alike, so the answer says
 * nothing about which names exist.
 *
 * <p>Memory is bounded: each map holds at most {@code maxKeys} entries (least recently used go
 * first) and entries expire with their window (Caffeine). Thread-safe.
 */
public final class LoginLimiter {

  /** The limits: failures per user and per address within {@code window}. */
  public record Limits(int perUser, int perAddress, Duration window, long maxKeys) {
    public Limits {
      if (perUser < 1 || perAddress < 1) {
        throw new IllegalArgumentException(
            "failure limits must be at least 1 but were " + perUser + " and " + perAddress);
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive but was " + window);
      }
    }

    /** 10 failures per user, 100 per address, in 5 minutes; 100,000 keys each. */
    public static Limits standard() {
      return new Limits(10, 100, Duration.ofMinutes(5), 100_000);
    }
  }

  /** Failures of one key since {@code firstNanos}. */
  private record Failures(long firstNanos, int count) {}

  private final Limits limits;
  private final Ticker ticker;
  private final Cache<String, Failures> users;
  private final Cache<String, Failures> addresses;

  public LoginLimiter(Limits limits) {
    this(limits, Ticker.systemTicker());
  }

  LoginLimiter(Limits limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    this.users = cache(limits, ticker);
    this.addresses = cache(limits, ticker);
  }

  private static Cache<String, Failures> cache(Limits limits, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(limits.maxKeys())
        .expireAfterWrite(limits.window())
        .ticker(ticker)
        .build();
  }

  public Limits limits() {
    return limits;
  }

  /** How long {@code user} from {@code address} must wait, or empty if it may try now. */
  public Optional<Duration> refusal(String user, String address) {
    long now = ticker.read();
    long wait =
        Math.max(
            waitNanos(users.getIfPresent(user), limits.perUser(), now),
            waitNanos(addresses.getIfPresent(address), limits.perAddress(), now));
    return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
  }

  /** Records a failed login. */
  public void failed(String user, String address) {
    long now = ticker.read();
    users.asMap().compute(user, (k, f) -> counted(f, now));
    addresses.asMap().compute(address, (k, f) -> counted(f, now));
  }

  /** Records a successful login: the user's failures are forgiven. */
  public void succeeded(String user) {
    users.invalidate(user);
  }

  private Failures counted(Failures f, long now) {
    if (f == null || now - f.firstNanos() >= limits.window().toNanos()) {
      return new Failures(now, 1);
    }
    return new Failures(f.firstNanos(), f.count() + 1);
  }

  private long waitNanos(Failures f, int limit, long now) {
    if (f == null || f.count() < limit) {
      return 0;
    }
    return f.firstNanos() + limits.window().toNanos() - now;
  }
}
