package io.fulcrum.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyManifest;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  static final PolicyLibrary RULES = PolicyLibrary.at(Path.of("..", "rules"));

  @Test
  void draftFromRiskBasedIm_keepsEveryCommentByteForByte_andChangesOnlyTheValueLines(
      @TempDir Path out) throws Exception {
    DraftPolicyWriter.Draft draft =
        DraftPolicyWriter.writeDraft(
            RULES,
            PolicyRef.parse("risk-based-im@2"),
            Map.of("apcBufferRate", "0.3", "measures.fhsEs.lambda", "0.97"),
            "{}",
            out);
    List<String> before =
        Files.readAllLines(Path.of("..", "rules", "risk-based-im", "2", "manifest.yaml"));
    List<String> after = Files.readAllLines(draft.directory().resolve("manifest.yaml"));
    // inserted: the DRAFT line opening the description, and the evidence list at the end
    assertThat(after.get(5)).startsWith("  DRAFT (calibrated from risk-based-im@2 by fulcrum");
    assertThat(after.subList(after.size() - 2, after.size()))
        .containsExactly("evidence:", "  - evidence/calibration-report.json");
    List<String> kept = new java.util.ArrayList<>(after);
    kept.remove(5);
    kept = kept.subList(0, kept.size() - 2);
    assertThat(kept).hasSameSizeAs(before);
    List<String> changed = new java.util.ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(kept.get(i))) {
        changed.add(before.get(i).strip() + " -> " + kept.get(i).strip());
      }
    }
    assertThat(changed)
        .containsExactly(
            "version: \"2\" -> version: \"3\"",
            "(25%) to the risk margin, never less than the floor of EMIR RTS 153/2013 art. 28(1)(a);"
                + " -> (30%) to the risk margin, never less than the floor of EMIR RTS 153/2013"
                + " art. 28(1)(a);",
            "apcBufferRate: 0.25 -> apcBufferRate: 0.3",
            "lambda: 0.94 -> lambda: 0.97");
    assertThat(kept.stream().filter(l -> l.strip().startsWith("#")).toList())
        .isEqualTo(before.stream().filter(l -> l.strip().startsWith("#")).toList());
    PolicyManifest m = PolicyLibrary.at(out).load(PolicyRef.parse("risk-based-im@3")).manifest();
    assertThat(m.parameters().get("apcBufferRate").toString()).isEqualTo("0.3");
    assertThat(m.bounds())
        .isEqualTo(RULES.load(PolicyRef.parse("risk-based-im@2")).manifest().bounds());
    assertThat(m.evidence()).containsExactly(DraftPolicyWriter.EVIDENCE);
    assertThat(draft.notes()).contains("description: 'apcBufferRate (25%' updated to 30%");
  }

  @Test
  void staleCommentsAndOtherMentions_areFlaggedForTheReviewer(@TempDir Path out) throws Exception {
    DraftPolicyWriter.Draft draft =
        DraftPolicyWriter.writeDraft(
            RULES,
            PolicyRef.parse("risk-based-im@1"),
            Map.of("apcBufferRate", "0.3", "measures.fhsEs.alpha", "0.99"),
            "{}",
            out);
    assertThat(draft.notes())
        .contains(
            "check the comment '# Buffer added to the risk margin when antiProcyclicality = buffer"
                + " (0.25 = 25%).': it states the old value of apcBufferRate (0.25, now 0.3)")
        .anyMatch(
            n ->
                n.startsWith("check the description: it states 97.5%")
                    && n.endsWith("measures.fhsEs.alpha was 0.975, now 0.99"));
    assertThat(java.nio.file.Files.readString(draft.directory().resolve("manifest.yaml")))
        .contains(
            "not active; evidence in evidence/calibration-report.json). Before approval,"
                + " check the comment '# Buffer added");
    assertThat(
            PolicyLibrary.at(out).load(PolicyRef.parse("risk-based-im@3")).manifest().description())
        .startsWith("DRAFT (calibrated from risk-based-im@1")
        .contains("Before approval, check the comment");
  }
}
