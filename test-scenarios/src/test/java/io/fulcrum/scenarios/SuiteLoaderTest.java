package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.scenarios.suite.ScenarioResolver;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteLoaderTest {

  private static final SuiteLoader LOADER = new SuiteLoader(ScenarioResolver.NONE);

  @ParameterizedTest(name = "{0} -> line {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "bad-yaml.yaml           | 5  | not valid YAML (column 37): while parsing a flow mapping; expected ',' or '}'",
        "unknown-field.yaml      | 14 | expectations[0].maintenaceMargin: unknown field 'maintenaceMargin'",
        "unknown-account.yaml    | 12 | expectations[0].account: no account 'b' in the suite's accounts",
        "bad-quantity.yaml       | 12 | accounts[0].positions[1]: quantity must not be zero",
        "bad-shock.yaml          | 10 | marketStates[0].shock: priceMoves.BTC must be above -1",
        "unknown-instrument.yaml | 12 | accounts[0].positions[1].instrument: instrument 'ETHUSDT' is not defined",
      })
  void malformedSuite_failsWithFileLineAndMessage(String file, int line, String message) {
    Path path = TestPolicies.TEST_SUITES.resolve(file);
    assertThatThrownBy(() -> LOADER.load(path))
        .isInstanceOfSatisfying(
            YamlFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo(path);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.getMessage()).startsWith(path + ":" + line + ": ").contains(message);
            });
  }

  @Test
  void missingFile_namesTheFile() {
    Path path = TestPolicies.TEST_SUITES.resolve("no-such-suite.yaml");
    assertThatThrownBy(() -> LOADER.load(path))
        .isInstanceOf(YamlFormatException.class)
        .hasMessage(path + ": file not found");
  }

  @Test
  void shippedSuite_loadsAccountsStatesAndExpectations() {
    var suite = LOADER.load(TestPolicies.SUITES.resolve("tiered-perps.yaml"));
    assertThat(suite.policy()).contains("tiered-perps");
    assertThat(suite.versions()).containsExactly("1", "2", "3");
    assertThat(suite.marketStates())
        .extracting(s -> s.name())
        .containsExactly("base", "btc-down-10", "btc-up-10");
    assertThat(suite.snapshots().get(1).prices().get("BTCUSDT").mark())
        .isEqualByComparingTo("45000");
    assertThat(suite.expectations()).isNotEmpty();
  }
}
