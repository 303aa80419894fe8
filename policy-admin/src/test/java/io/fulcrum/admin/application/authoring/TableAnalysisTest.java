package io.fulcrum.admin.application.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.admin.application.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authoring table analysis on the shipped tiered-perps brackets (rules/tiered-perps/4): rows
 * read from the file, a gap and an overlap made by editing one bound, and where each is placed.
 */
class TableAnalysisTest {

  private static String brackets() throws Exception {
    return Files.readString(Path.of("..", "rules", "tiered-perps", "4", "brackets.dmn"));
  }

  private static List<TableAnalysis.Finding> errors(String xml) {
    return TableAnalysis.analyse(xml.getBytes(StandardCharsets.UTF_8)).stream()
        .filter(TableAnalysis.Finding::error)
        .toList();
  }

  @Test
  void theShippedTableHasNoErrorOnlyEdgeWarnings() throws Exception {
    List<TableAnalysis.Finding> all =
        TableAnalysis.analyse(brackets().getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), all.stream().filter(TableAnalysis.Finding::error).toList());
    // Above the top bracket's cap (500,000,000) no row matches: a warning at the edge.
    assertTrue(
        all.stream()
            .anyMatch(f -> f.kind() == TableAnalysis.Kind.GAP && f.message().contains("500000000")),
        all.toString());
  }

  @Test
  void aGapBetweenBracketsFiveAndSixIsAnErrorOnBothRows() throws Exception {
    String xml = brackets();
    String gapped =
        xml.replace("<text>[20000000..50000000)</text>", "<text>[25000000..50000000)</text>");
    assertNotEquals(xml, gapped);
    List<TableAnalysis.Finding> errors = errors(gapped);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(TableAnalysis.Kind.GAP, errors.get(0).kind());
    assertEquals(List.of(5, 6), errors.get(0).rows());
    assertTrue(errors.get(0).message().contains("gap between rows"), errors.get(0).message());
    assertTrue(errors.get(0).message().contains("20000000"), errors.get(0).message());
  }

  @Test
  void anOverlapNamesTheRowsThatAllMatch() throws Exception {
    String overlapping =
        brackets()
            .replace("<text>[20000000..50000000)</text>", "<text>[15000000..50000000)</text>");
    List<TableAnalysis.Finding> errors = errors(overlapping);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(TableAnalysis.Kind.OVERLAP, errors.get(0).kind());
    assertEquals(List.of(5, 6), errors.get(0).rows());
  }

  @Test
  void theDraftTakesTheNextNumberAndKeepsTheManifestText() {
    assertEquals("5", Authoring.nextVersion(List.of("1", "2", "4", "draft", "3")));
    assertEquals("1", Authoring.nextVersion(List.of("draft")));
    String manifest =
        "id: p\n# the version\nversion: \"4\"  # shipped\nparameters:\n  version: 3\n";
    assertEquals(
        "id: p\n# the version\nversion: \"5\"  # shipped\nparameters:\n  version: 3\n",
        Authoring.withVersion(manifest, "5"));
    assertEquals("version: \"7\"\n", Authoring.withVersion("version: 6\n", "7"));
  }

  @Test
  void draftFilesAreRefusedNamingTheFile() {
    InvalidParameter e =
        assertThrows(
            InvalidParameter.class,
            () -> Authoring.bundleFiles("tiered-perps", Map.of("../manifest.yaml", "id: x")));
    assertEquals("files.../manifest.yaml", e.field());
    assertThrows(InvalidParameter.class, () -> Authoring.bundleFiles("tiered-perps", Map.of()));
  }
}
