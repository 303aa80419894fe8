package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyBundleTest {

  private static final String MANIFEST =
      """
      id: demo
      version: "1"
      title: Demo
      owner: tests
      rules:
        - a.drl
      """;

  private static Map<String, byte[]> files(String drl) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("manifest.yaml", MANIFEST.getBytes(StandardCharsets.UTF_8));
    files.put("a.drl", drl.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  @Test
  void hash_isTheDocumentedCanonicalForm() throws Exception {
    PolicyBundle bundle = BundleReader.fromFiles("test", files("rule x\n"));
    // Independently: sha256 over "<path> <sha256(content)>\n" lines in path order.
    String expected =
        sha256Hex(
            ("a.drl "
                + sha256Hex("rule x\n")
                + "\n"
                + "manifest.yaml "
                + sha256Hex(MANIFEST)
                + "\n"));
    assertThat(bundle.hash()).isEqualTo(expected);
  }

  @Test
  void hash_ignoresLineEndingsButNotContent() {
    String lf = BundleReader.fromFiles("t", files("rule x\nthen\n")).hash();
    String crlf = BundleReader.fromFiles("t", files("rule x\r\nthen\r\n")).hash();
    String changed = BundleReader.fromFiles("t", files("rule y\nthen\n")).hash();
    assertThat(crlf).isEqualTo(lf);
    assertThat(changed).isNotEqualTo(lf);
  }

  @Test
  void aPathEscapingTheBundle_isRefused() {
    Map<String, byte[]> files = files("rule x\n");
    files.put("../evil.drl", new byte[0]);
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("../evil.drl: path escapes the bundle directory");
  }

  @Test
  void aManifestWithAnUnknownField_isRefusedWithItsLine() {
    Map<String, byte[]> files = files("rule x\n");
    files.put("manifest.yaml", (MANIFEST + "colour: blue\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("manifest.yaml:7")
        .hasMessageContaining("colour");
  }

  @Test
  void aManifestWithADuplicateKey_isRefusedWithItsLine() {
    Map<String, byte[]> files = files("rule x\n");
    files.put("manifest.yaml", (MANIFEST + "version: \"9\"\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("manifest.yaml:7")
        .hasMessageContaining("Duplicate field 'version'");
  }

  /**
   * An unknown key inside a list item named like a top-level key: the old line search found the
   * first line starting with {@code title:} (line 3); the parser's line is the key's own (line 10).
   */
  @Test
  void anUnknownFieldInAListItem_isRefusedAtItsOwnLine() {
    Map<String, byte[]> files = files("rule x\n");
    String manifest =
        MANIFEST
            + """
            measures:
              - name: es
                measure: historical-es
                title: not a measure field
            """;
    files.put("manifest.yaml", manifest.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("manifest.yaml:10: unknown field 'title'");
  }

  /**
   * A list item its record refuses: Jackson's location is past the item (line 10, the next key);
   * the parser's line is the item's own (line 8).
   */
  @Test
  void aListItemItsRecordRefuses_isReportedAtTheItem() {
    Map<String, byte[]> files = files("rule x\n");
    String manifest =
        MANIFEST
            + """
            measures:
              - name: ""
                measure: historical-es
            smoke: []
            """;
    files.put("manifest.yaml", manifest.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("manifest.yaml:8: manifest field 'measures[].name' is required");
  }

  @Test
  void aCheckOfTheWholeManifest_isReportedAtTheFieldItNames() {
    Map<String, byte[]> files = files("rule x\n");
    files.put(
        "manifest.yaml",
        MANIFEST.replace("version: \"1\"", "version: \"1 beta\"").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .hasMessageContaining("manifest.yaml:2: policy version must be");
    files.put(
        "manifest.yaml",
        MANIFEST.replace("rules:\n  - a.drl\n", "rules: []\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .hasMessageContaining("manifest.yaml:5: rules must list at least one");
    // A required field the file lacks has no line of its own.
    files.put(
        "manifest.yaml", MANIFEST.replace("owner: tests\n", "").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .hasMessageContaining("  manifest.yaml: manifest field 'owner' is required");
  }

  @Test
  void aFileTheManifestNamesButTheBundleLacks_isReportedAtItsListItem() {
    Map<String, byte[]> files = files("rule x\n");
    files.put(
        "manifest.yaml",
        (MANIFEST + "evidence:\n  - notes.md\n  - missing.pdf\n").getBytes(StandardCharsets.UTF_8));
    files.put("notes.md", "n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleReader.fromFiles("upload", files))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining(
            "manifest.yaml:9: the manifest names 'missing.pdf' but the bundle has no such file");
  }

  @Test
  void policyRefs_parseIdAndOptionalVersion() {
    assertThat(PolicyRef.parse("tiered-perps@2").version()).contains("2");
    assertThat(PolicyRef.parse("tiered-perps").version()).isEmpty();
    assertThatThrownBy(() -> PolicyRef.parse("Tiered Perps")).hasMessageContaining("lower-case");
  }

  static String sha256Hex(String s) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
