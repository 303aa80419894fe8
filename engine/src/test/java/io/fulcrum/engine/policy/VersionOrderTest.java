package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

  @Test
  void numbersCompareByValue_notByText() {
    List<String> versions = new ArrayList<>(List.of("10", "2", "1", "100", "9"));
    versions.sort(VersionOrder.ASCENDING);
    assertThat(versions).containsExactly("1", "2", "9", "10", "100");
    assertThat(VersionOrder.latest(List.of("2", "10", "1"))).isEqualTo("10");
  }

  @Test
  void numbersBeyondLong_compareByValue() {
    assertThat(VersionOrder.ASCENDING.compare("99999999999999999999", "100000000000000000000"))
        .isNegative();
  }

  @Test
  void namesThatAreNotNumbers_comeBeforeEveryNumber_andCompareByText() {
    List<String> versions =
        new ArrayList<>(List.of("3", "draft", "2-rc1", "1.10", "1.9", "10", "Beta", "1_0"));
    versions.sort(VersionOrder.ASCENDING);
    // Non-numbers by text (digits < upper case < underscore < lower case), then numbers by value.
    assertThat(versions).containsExactly("1.10", "1.9", "1_0", "2-rc1", "Beta", "draft", "3", "10");
    assertThat(VersionOrder.latest(List.of("draft", "1", "2-rc1"))).isEqualTo("1");
    assertThat(VersionOrder.latest(List.of("draft", "2-rc1"))).isEqualTo("draft");
  }

  @Test
  void equalValuesWrittenDifferently_areToldApartByText_soTheOrderIsConsistentWithEquals() {
    assertThat(VersionOrder.ASCENDING.compare("01", "1")).isNegative();
    assertThat(VersionOrder.ASCENDING.compare("1", "01")).isPositive();
    assertThat(VersionOrder.ASCENDING.compare("7", "7")).isZero();
    Set<String> set = new TreeSet<>(VersionOrder.ASCENDING);
    set.addAll(List.of("1", "01", "2"));
    assertThat(set).containsExactly("01", "1", "2");
    assertThat(VersionOrder.latest(List.of("1", "01"))).isEqualTo("1");
  }

  @Test
  void latestOfNothing_isAnError() {
    assertThatThrownBy(() -> VersionOrder.latest(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no versions");
  }

  @Test
  void directoryLibrary_listsVersionsInThisOrder() throws Exception {
    java.nio.file.Path root = java.nio.file.Files.createTempDirectory("versions");
    for (String v : List.of("1", "10", "2", "draft")) {
      java.nio.file.Files.createDirectories(root.resolve("p").resolve(v));
    }
    PolicyLibrary library = PolicyLibrary.at(root);
    assertThat(library.versions("p")).containsExactly("draft", "1", "2", "10");
    assertThat(library.latestVersion("p")).isEqualTo("10");
  }
}
