package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Golden copies: the decision JSON and explanation text of every example request in examples/ must
 * stay byte-identical to the checked-in files. They change only by running this test with {@code
 * -Dgolden.update=true}, and the diff is then reviewed like code.
 */
class ExamplesGoldenTest {

  private static final Path EXAMPLES = Path.of("../examples");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  record Example(String request, String policy) {}

  @TestFactory
  Stream<DynamicTest> exampleDecisions_matchTheirGoldenFiles() {
    return Stream.of(
            new Example("btc-isolated-long", "tiered-perps@1"),
            new Example("btc-cross-margin-call", "tiered-perps@1"),
            new Example("aave-eth-loan", "collateral-health@1"),
            new Example("btc-isolated-long", "tiered-perps@4"),
            new Example("btc-cross-margin-call", "tiered-perps@4"),
            new Example("aave-eth-loan", "collateral-health@2"),
            new Example("bybit-isolated-long", "linear-flat@1"),
            new Example("dydx-cross", "oi-scaled-perps@1"))
        .flatMap(
            e ->
                Stream.of(
                    DynamicTest.dynamicTest(e.request() + " json", () -> check(e, false)),
                    DynamicTest.dynamicTest(e.request() + " text", () -> check(e, true))));
  }

  private static void check(Example e, boolean text) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] args =
        text
            ? new String[] {
              "decide",
              "--rules",
              "../rules",
              "--policy",
              e.policy(),
              "--request",
              EXAMPLES.resolve(e.request() + ".json").toString(),
              "--explain"
            }
            : new String[] {
              "decide",
              "--rules",
              "../rules",
              "--policy",
              e.policy(),
              "--request",
              EXAMPLES.resolve(e.request() + ".json").toString()
            };
    int code = cli.execute(args);
    assertThat(code).as(err.toString()).isZero();
    Path golden =
        EXAMPLES
            .resolve("decisions")
            .resolve(e.request() + "." + e.policy().replace('@', '-') + (text ? ".txt" : ".json"));
    if (UPDATE || !Files.exists(golden)) {
      Files.writeString(golden, out.toString(), StandardCharsets.UTF_8);
    }
    assertThat(out.toString())
        .as("golden file %s (re-run with -Dgolden.update=true after review)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
