package io.fulcrum.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

  @Test
  void onlyTheConsole_getsA401WithoutChallenge() {
    assertThat(BasicAuthentication.challenges("fulcrum-console")).isFalse();
    assertThat(BasicAuthentication.challenges(" Fulcrum-Console ")).isFalse();
    assertThat(BasicAuthentication.challenges(null)).isTrue();
    assertThat(BasicAuthentication.challenges("")).isTrue();
    assertThat(BasicAuthentication.challenges("XMLHttpRequest")).isTrue();
    assertThat(BasicAuthentication.challenges("fulcrum-console-2")).isTrue();
  }
}
