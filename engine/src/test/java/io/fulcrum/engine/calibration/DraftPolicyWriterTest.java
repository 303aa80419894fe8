package io.fulcrum.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyManifest;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration winner as a new DRAFT bundle, outside the library. */
class DraftPolicyWriterTest {

  static final PolicyLibrary LIBRARY =
      PolicyLibrary.at(Path.of("src", "test", "resources", "bundles"));

  @Test
  void draft_isANewVersionWithTheCalibratedValuesAndTheEvidence(@TempDir Path out)
      throws Exception {
    Path draft =
        DraftPolicyWriter.write(
            LIBRARY,
            PolicyRef.parse("good@1"),
            Map.of("liquidationMarginRatio", "1.1", "scale", "0.12"),
            "{\"winner\":1}",
            out);
    assertThat(draft).isEqualTo(out.resolve("good").resolve("2"));
    PolicyManifest m = PolicyLibrary.at(out).load(PolicyRef.parse("good@2")).manifest();
    assertThat(m.version()).isEqualTo("2");
    assertThat(m.parameters().get("liquidationMarginRatio").toString()).isEqualTo("1.1");
    assertThat(m.measures().get(0).settings().get("scale").toString()).isEqualTo("0.12");
    assertThat(m.description()).startsWith("DRAFT");
    assertThat(m.evidence()).containsExactly(DraftPolicyWriter.EVIDENCE);
    assertThat(m.tests()).doesNotContain(DraftPolicyWriter.EVIDENCE);
    assertThat(Files.readString(draft.resolve(DraftPolicyWriter.EVIDENCE)))
        .isEqualTo("{\"winner\":1}");
    assertThat(draft.resolve("flat.drl")).exists();
    assertThat(LIBRARY.versions("good")).containsExactly("1");
  }

  @Test
  void unknownPolicyParameter_isAClearError(@TempDir Path out) {
    assertThatThrownBy(
            () ->
                DraftPolicyWriter.write(
                    LIBRARY, PolicyRef.parse("good@1"), Map.of("lambda", "0.97"), "{}", out))
        .hasMessageContaining("policy good@1 has no parameter or measure setting named 'lambda'");
  }
}
