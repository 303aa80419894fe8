package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one factory the CLI's --rules and the service's fulcrum.policy.library go through. */
class PolicySourceTest {

  static final Path RULES = Path.of("..", "rules");

  @Test
  void aDirectorySpec_isThatDirectory_withVersionsInVersionOrder() {
    PolicySource source = PolicySource.of(RULES.toString());
    assertThat(source).isInstanceOf(PolicyLibrary.class);
    assertThat(source.description()).isEqualTo(RULES.toString());
    assertThat(source.ids()).contains("tiered-perps", "collateral-health", "risk-based-im");
    assertThat(source.versions("tiered-perps")).containsExactly("1", "2", "3", "4");
    assertThat(source.latestVersion("tiered-perps")).isEqualTo("4");
    assertThat(source.load(PolicyRef.parse("tiered-perps")).manifest().version()).isEqualTo("4");
    assertThat(source.load(PolicyRef.parse("tiered-perps@1")).hash())
        .isEqualTo(PolicyLibrary.at(RULES).load(PolicyRef.parse("tiered-perps@1")).hash());
  }

  @Test
  void version10_comesAfterVersion9(@TempDir Path dir) throws Exception {
    for (String v : new String[] {"10", "9", "2"}) {
      Files.createDirectories(dir.resolve("p").resolve(v));
    }
    PolicySource source = PolicySource.directory(dir);
    assertThat(source.versions("p")).containsExactly("2", "9", "10");
    assertThat(source.latestVersion("p")).isEqualTo("10");
  }

  @Test
  void anUnknownPolicy_isPolicyNotFound_listingTheKnownIds() {
    assertThatThrownBy(() -> PolicySource.directory(RULES).versions("tiered-perp"))
        .isInstanceOf(PolicyNotFound.class)
        .hasMessageContaining("tiered-perps");
  }

  @Test
  void shipped_readsTheRulesJar_whichTheEngineAloneDoesNotHave() {
    // the engine's own tests run without the rules module: the spec reaches the classpath lookup
    assertThatThrownBy(() -> PolicySource.of(PolicySource.SHIPPED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no shipped policies on the classpath");
  }

  @Test
  void aMissingDirectory_orAnEmptySpec_isRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> PolicySource.of(dir.resolve("nope").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy library directory does not exist");
    assertThatThrownBy(() -> PolicySource.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give a directory or 'shipped'");
  }
}
