package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MeasureCommandTest {

  /** small5 of the engine's measure-reference/hand-computed.txt. */
  private static final String DATED_CSV =
      """
      date,return
      2024-01-01,0.02
      2024-01-02,-0.01
      2024-01-03,-0.05
      2024-01-04,0.03
      2024-01-05,-0.02
      """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new MeasureCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path csv(String content) throws IOException {
    return Files.writeString(dir.resolve("returns.csv"), content, StandardCharsets.UTF_8);
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void historicalVar_printsMeasureValueAndInputsSummary() throws IOException {
    Path file = csv(DATED_CSV);
    int code = run("historical-var", "--returns", file.toString(), "--confidence", "0.9");
    assertThat(code).as(err.toString()).isZero();
    JsonNode result = json();
    assertThat(result.get("measure").asText()).isEqualTo("historical-var");
    // hand-computed: type 7, h = 4.6 -> 0.02 + 0.6 x 0.03
    assertThat(result.get("value").asDouble()).isCloseTo(0.038, within(1e-12));
    assertThat(result.get("unit").asText()).isEqualTo("fraction");
    assertThat(result.get("inputs").get("n").asInt()).isEqualTo(5);
    assertThat(result.get("inputs").get("alpha").asDouble()).isCloseTo(0.9, within(0.0));
    assertThat(result.get("inputs").get("estimationType").asText()).isEqualTo("R_7");
  }

  @Test
  void params_arePassedToTheMeasureAndEchoedInTheInputs() throws IOException {
    Path file = csv(DATED_CSV);
    int code =
        run(
            "historical-var",
            "--returns",
            file.toString(),
            "--confidence",
            "0.9",
            "--param",
            "horizonDays=2",
            "--param",
            "horizonMethod=overlapping");
    assertThat(code).as(err.toString()).isZero();
    JsonNode result = json();
    assertThat(result.get("value").asDouble()).isCloseTo(0.0481, within(1e-12));
    assertThat(result.get("inputs").get("horizonMethod").asText()).isEqualTo("overlapping");
  }

  @Test
  void singleColumnFile_isAccepted() throws IOException {
    Path file = csv("r\n0.02\n-0.01\n-0.05\n0.03\n-0.02\n");
    assertThat(run("ewma-volatility", "--returns", file.toString(), "--param", "lambda=0.5"))
        .isZero();
    assertThat(json().get("value").asDouble()).isCloseTo(Math.sqrt(0.00076875), within(1e-15));
  }

  @Test
  void output_hasSortedKeys() throws IOException {
    run("historical-es", "--returns", csv(DATED_CSV).toString());
    String text = out.toString();
    assertThat(text.indexOf("\"details\"")).isLessThan(text.indexOf("\"inputs\""));
    assertThat(text.indexOf("\"inputs\"")).isLessThan(text.indexOf("\"measure\""));
    assertThat(text.indexOf("\"measure\"")).isLessThan(text.indexOf("\"value\""));
  }

  @Test
  void unknownMeasure_exitsWithTwoAndListsTheKnownOnes() throws IOException {
    int code = run("historical-vaR", "--returns", csv(DATED_CSV).toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown risk measure 'historical-vaR'", "historical-var");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badConfidence_exitsWithTwoNamingTheOptionAsTyped() throws IOException {
    int code = run("historical-es", "--returns", csv(DATED_CSV).toString(), "--confidence", "1.5");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("fulcrum measure: --confidence must be in (0,1) but was 1.5")
        .doesNotContain("alpha");
  }

  @Test
  void badParam_isNamedAsAParam() throws IOException {
    int code =
        run("historical-es", "--returns", csv(DATED_CSV).toString(), "--param", "horizonDays=0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--param horizonDays must be >= 1 but was 0");
  }

  @Test
  void semicolonSeparatedFile_isRefusedWithItsLine() throws IOException {
    Path file = csv("date;return\n2024-01-01;0,02\n2024-01-02;-0,01\n");
    assertThat(run("historical-var", "--returns", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(file + " line 1: 'date;return' is semicolon-separated")
        .contains("comma-separated with a decimal point");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void decimalCommas_areRefusedWithTheLine() throws IOException {
    Path file = csv("date,return\n2024-01-01,0,02\n2024-01-02,-0,01\n");
    assertThat(run("historical-var", "--returns", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(file + " line 2 has 3 fields but line 1 has 2: a decimal comma? write 0.02");
    Path headerless = csv("0,02\n-0,01\n-0,05\n");
    assertThat(run("historical-var", "--returns", headerless.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 1: '0,02' looks like a number with a decimal comma");
  }

  @Test
  void fileWithoutHeader_keepsItsFirstReturn() throws IOException {
    // small5 without its header: type 7 at 0.9 on 5 losses gives 0.038 (hand-computed above);
    // losing the first row (0.02) would give n = 4 and another value.
    Path file = csv("0.02\n-0.01\n-0.05\n0.03\n-0.02\n");
    assertThat(run("historical-var", "--returns", file.toString(), "--confidence", "0.9"))
        .as(err.toString())
        .isZero();
    assertThat(json().get("inputs").get("n").asInt()).isEqualTo(5);
    assertThat(json().get("value").asDouble()).isCloseTo(0.038, within(1e-12));
  }

  @Test
  void headerlessFileWithAByteOrderMark_keepsItsFirstReturn() throws IOException {
    Path file = csv("\uFEFF0.02\n-0.01\n-0.05\n0.03\n-0.02\n");
    assertThat(run("historical-var", "--returns", file.toString(), "--confidence", "0.9"))
        .as(err.toString())
        .isZero();
    assertThat(json().get("inputs").get("n").asInt()).isEqualTo(5);
  }

  @Test
  void tooFewReturns_areNamedAsTheReturnsFile() throws IOException {
    Path file = csv("r\n0.01\n");
    assertThat(run("parametric-var", "--returns", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--returns "
                + file
                + " has 1 returns but measure 'parametric-var' needs at least 2"
                + " observations");
  }

  @Test
  void aReturnOfMinus150Percent_isRefusedWithItsLine() throws IOException {
    Path file = csv("date,return\n2024-01-01,0.01\n2024-01-02,-1.5\n");
    assertThat(run("historical-var", "--returns", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(file + " line 3: return -1.5 is at or below -100%; returns are simple returns");
  }

  @Test
  void threeObservationsAt97_5_warnButStillAnswer() throws IOException {
    Path file = csv("r\n0.01\n-0.02\n0.03\n");
    assertThat(run("historical-es", "--returns", file.toString(), "--confidence", "0.975"))
        .isZero();
    assertThat(err.toString())
        .contains(
            "warning: 3 observations are thin for confidence 0.975: fewer than 1/(1-0.975) = 40");
    assertThat(json().get("warnings")).hasSize(1);
    // worst loss of the three: 0.02
    assertThat(json().get("value").asDouble()).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void tenObservationsAt90_areEnough_noWarning() throws IOException {
    Path file = csv("r\n0.01\n-0.02\n0.03\n0.01\n-0.02\n0.03\n0.01\n-0.02\n0.03\n0.04\n");
    assertThat(run("historical-es", "--returns", file.toString(), "--confidence", "0.9")).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(json().get("warnings")).isEmpty();
  }

  @Test
  void list_showsEveryMeasureWithParametersDefaultsAndUnits() {
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("measure", "--list")).isZero();
    assertThat(out.toString())
        .contains("historical-es", "fhs-portfolio-es", "scenario-grid")
        .containsPattern("alpha\\s+default 0.99\\s+confidence level")
        .containsPattern("horizonDays\\s+default 1\\s+days")
        .containsPattern("lambda\\s+default 0.94")
        .doesNotContain("(not described)");
  }

  @Test
  void nonNumericReturn_isReportedWithItsLine() throws IOException {
    Path file = csv("date,return\n2024-01-01,0.01\n2024-01-02,n/a\n");
    assertThat(run("historical-var", "--returns", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 3", "'n/a'");
  }

  @Test
  void headerOnlyFile_isRejected() throws IOException {
    assertThat(run("historical-var", "--returns", csv("date,return\n").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("at least one return row");
  }

  @Test
  void confidenceAndAlphaParam_togetherAreRejected() throws IOException {
    int code =
        run(
            "historical-var",
            "--returns",
            csv(DATED_CSV).toString(),
            "--confidence",
            "0.9",
            "--param",
            "alpha=0.95");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--confidence and --param alpha");
  }
}
