package io.fulcrum.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

  @Test
  void hash_matchesItsPasswordOnly_andIsSaltedEachTime() {
    String hash = PasswordHashes.hash("correct horse".toCharArray());
    assertThat(hash).startsWith("pbkdf2-sha256$210000$");
    assertThat(PasswordHashes.matches("correct horse".toCharArray(), hash)).isTrue();
    assertThat(PasswordHashes.matches("correct horse!".toCharArray(), hash)).isFalse();
    assertThat(PasswordHashes.hash("correct horse".toCharArray())).isNotEqualTo(hash);
  }

  @Test
  void malformedStoredHash_neverMatches() {
    assertThat(PasswordHashes.matches("x".toCharArray(), "plain-text-password")).isFalse();
  }
}
