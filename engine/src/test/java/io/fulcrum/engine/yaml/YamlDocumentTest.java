package io.fulcrum.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

  private static final Path FILE = Path.of("suite.yaml");

  // Line numbers are counted by hand: the text block's first line is line 1.
  private static final String TEXT =
      """
      name: demo
      # a comment line
      accounts:
        - id: a1
          positions:
            - {symbol: BTCUSDT, quantity: 1.5}
            - symbol: ETHUSDT

              quantity: -20
        - id: a2
      tags: [x, y]
      """;

  private final YamlDocument doc = YamlDocument.parse(FILE, TEXT);

  @Test
  void everyValueKnowsItsLine_nestedKeysAndListItemsIncluded() {
    YamlNode root = doc.root();
    assertThat(root.get("name").line()).isEqualTo(1);
    List<YamlNode> accounts = root.get("accounts").list();
    assertThat(accounts.get(0).line()).isEqualTo(4);
    assertThat(accounts.get(1).line()).isEqualTo(10);
    List<YamlNode> positions = accounts.get(0).get("positions").list();
    assertThat(positions.get(0).get("quantity").line()).isEqualTo(6);
    assertThat(positions.get(1).get("symbol").line()).isEqualTo(7);
    assertThat(positions.get(1).get("quantity").line()).isEqualTo(9);
    assertThat(root.get("tags").list().get(1).line()).isEqualTo(11);
    assertThat(doc.line("/accounts/0/positions/1/quantity")).isEqualTo(9);
    // A path the file lacks falls back to its closest parent.
    assertThat(doc.line("/accounts/1/positions/3")).isEqualTo(10);
  }

  @Test
  void errors_nameFileLineAndFieldPath() {
    YamlNode quantity = doc.root().get("accounts").list().get(0).get("positions").list().get(1);
    assertThatThrownBy(() -> quantity.get("quantity").bool())
        .isInstanceOf(YamlFormatException.class)
        .hasMessage(
            "suite.yaml:9: accounts[0].positions[1].quantity: must be true or false but was '-20'")
        .satisfies(
            e -> {
              assertThat(((YamlFormatException) e).line()).isEqualTo(9);
              assertThat(((YamlFormatException) e).file()).isEqualTo(FILE);
            });
    assertThatThrownBy(() -> doc.root().get("accounts").list().get(1).get("positions"))
        .hasMessage("suite.yaml:10: accounts[1]: field 'positions' is required");
    assertThatThrownBy(() -> doc.root().allowOnly(Set.of("name", "accounts")))
        .hasMessage("suite.yaml:11: tags: unknown field 'tags'; known fields: [accounts, name]");
  }

  @Test
  void bindingProblems_pointAtTheNestedValue() {
    record Position(String symbol, java.math.BigDecimal quantity) {}
    record Account(String id, List<Position> positions) {}
    YamlNode first = doc.root().get("accounts").list().get(0);
    assertThat(first.as(Account.class).positions().get(1).quantity()).isEqualByComparingTo("-20");
    YamlDocument bad =
        YamlDocument.parse(FILE, "id: a1\npositions:\n  - symbol: BTCUSDT\n    quantity: lots\n");
    assertThatThrownBy(() -> bad.root().as(Account.class))
        .hasMessageStartingWith("suite.yaml:4: positions[0].quantity: ");
  }

  @Test
  void notYaml_isReportedWithLineAndColumn() {
    assertThatThrownBy(() -> YamlDocument.parse(FILE, "a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOf(YamlFormatException.class)
        .hasMessageStartingWith("suite.yaml:3: not valid YAML (column ");
    assertThatThrownBy(() -> YamlDocument.parse(FILE, "a: 1\nb: 2\na: 3\n"))
        .hasMessageStartingWith("suite.yaml:3: not valid YAML")
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> YamlDocument.parse(FILE, "# only a comment\n"))
        .hasMessage("suite.yaml:1: the file is empty; expected a mapping of fields");
  }
}
