package io.fulcrum.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private final AtomicLong nanos = new AtomicLong();
  private final CredentialCache cache =
      new CredentialCache(Duration.ofMinutes(5), 1_000, nanos::get);
  private final CredentialCache.Verified alice =
      new CredentialCache.Verified("alice", Set.of("decider"));

  @Test
  void aRememberedCredential_isFoundForTheExactNameAndPasswordOnly() {
    cache.remember("alice", "s3cret", alice);
    assertThat(cache.find("alice", "s3cret")).contains(alice);
    assertThat(cache.find("alice", "s3cret ")).isEmpty();
    assertThat(cache.find("alice2", "s3cret")).isEmpty();
    // No ambiguity between where the name ends and the password begins.
    cache.remember("a", "b\u0000c", alice);
    assertThat(cache.find("a\u0000b", "c")).isEmpty();
  }

  @Test
  void entriesExpireAfterTheTtl_andClearDropsAll() {
    cache.remember("alice", "s3cret", alice);
    nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
    assertThat(cache.find("alice", "s3cret")).isEmpty();
    cache.remember("alice", "s3cret", alice);
    cache.clear();
    assertThat(cache.find("alice", "s3cret")).isEmpty();
  }

  @Test
  void itHoldsAtMostItsBound() {
    CredentialCache small = new CredentialCache(Duration.ofMinutes(5), 10, nanos::get);
    for (int i = 0; i < 1_000; i++) {
      small.remember("user" + i, "pw", alice);
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
  }

  @Test
  void keysAreKeyedHmacs_thatAnotherProcessCannotRecompute() throws Exception {
    CredentialCache other = new CredentialCache(Duration.ofMinutes(5), 10, nanos::get);
    cache.remember("alice", "s3cret", alice);
    other.remember("alice", "s3cret", alice);
    assertThat(keys(cache)).doesNotContain("s3cret").isNotEqualTo(keys(other));
    assertThat(keys(cache)).noneMatch(k -> k.contains("alice"));
  }

  private static java.util.Set<String> keys(CredentialCache c) throws Exception {
    Field f = CredentialCache.class.getDeclaredField("verified");
    f.setAccessible(true);
    @SuppressWarnings("unchecked")
    var map = ((com.github.benmanes.caffeine.cache.Cache<String, ?>) f.get(c)).asMap();
    return map.keySet();
  }
}
