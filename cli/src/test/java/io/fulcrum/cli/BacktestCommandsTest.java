package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * fulcrum coverage-test, backtest and calibrate on the shipped BTC/ETH data (test-scenarios/data).
 */
class BacktestCommandsTest {

  static final String DATA_DIR = "../test-scenarios/data";
  static final String BOOK = "../test-scenarios/backtest/btc-eth-10.yaml";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void coverageTest_printsKupiecChristoffersenAndZone() throws IOException {
    // Hand-computed in the engine's KupiecTest/ChristoffersenTest: LR_uc(250, 5) = 1.9568,
    // LR_ind = 3.1540 for breaches on days 11, 12, 101, 151, 201.
    assertThat(
            run(
                "coverage-test",
                "--observations",
                "250",
                "--breaches",
                "5",
                "--confidence",
                "0.99",
                "--breach-days",
                "11,12,101,151,201"))
        .isEqualTo(0);
    JsonNode c = json().get("coverage");
    assertThat(c.get("kupiec").get("statistic").asDouble())
        .isCloseTo(1.956809788230622, within(1e-12));
    assertThat(c.get("independence").get("statistic").asDouble())
        .isCloseTo(3.153989286651445, within(1e-12));
    assertThat(c.get("trafficLight").get("zone").asText()).isEqualTo("YELLOW");
  }

  @Test
  void coverageTest_withoutBreachDays_hasNoChristoffersen_andBadCountsAreRejected()
      throws IOException {
    assertThat(
            run(
                "coverage-test",
                "--observations",
                "250",
                "--breaches",
                "10",
                "--confidence",
                "0.99"))
        .isZero();
    assertThat(json().get("coverage").get("trafficLight").get("zone").asText()).isEqualTo("RED");
    assertThat(json().get("coverage").get("independence").isNull()).isTrue();
    assertThat(
            run(
                "coverage-test",
                "--observations",
                "250",
                "--breaches",
                "2",
                "--confidence",
                "0.99",
                "--breach-days",
                "3,300"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains("--breach-days must be day numbers in [1, 250] but had 300");
  }

  @Test
  void backtest_writesJsonAndHtml_recordingTheDataSet() throws IOException {
    Path reports = dir.resolve("bt");
    int code =
        run(
            "backtest",
            "--model",
            "historical-es",
            "--param",
            "confidence=0.99",
            "--param",
            "lookback=250",
            "--data",
            "btc-usd-daily+eth-usd-daily",
            "--data-dir",
            DATA_DIR,
            "--portfolio",
            BOOK,
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--mpor",
            "2",
            "--out",
            reports.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode printed = json();
    // 366 days of 2020 less ETH's four null days (skip-day, the default): 362 common days.
    assertThat(printed.get("summary").get("observations").asInt()).isEqualTo(362);
    JsonNode report = new ObjectMapper().readTree(reports.resolve("backtest.json").toFile());
    assertThat(report.get("data").get("name").asText()).isEqualTo("btc-usd-daily+eth-usd-daily");
    assertThat(report.get("data").get("hash").asText())
        .hasSize(64)
        .startsWith(report.get("data").get("version").asText());
    assertThat(report.get("data").get("notes").toString()).contains("2020-04-17");
    assertThat(report.get("days")).hasSize(362);
    String html = Files.readString(reports.resolve("backtest.html"));
    assertThat(html).contains("<svg", "Kupiec POF", report.get("data").get("hash").asText());
  }

  @Test
  void backtest_badInputs_giveClearErrors() {
    assertThat(
            run(
                "backtest",
                "--model",
                "fhs-es",
                "--data",
                "btc-usd-daily",
                "--data-dir",
                DATA_DIR,
                "--portfolio",
                "../test-scenarios/backtest/btc-long.yaml",
                "--from",
                "2010-01-01"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains("from 2010-01-01 is outside the data, which covers 2014-09-18 .. 2025-11-29");
    assertThat(
            run(
                "backtest",
                "--model",
                "fhs-es",
                "--param",
                "lookbak=5",
                "--data",
                "btc-usd-daily",
                "--data-dir",
                DATA_DIR,
                "--portfolio",
                "../test-scenarios/backtest/btc-long.yaml"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("has no parameter 'lookbak'");
    assertThat(
            run(
                "backtest",
                "--model",
                "fhs-es",
                "--data",
                "sol-usd-daily",
                "--data-dir",
                DATA_DIR,
                "--portfolio",
                "../test-scenarios/backtest/btc-long.yaml"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("market data set 'sol-usd-daily' not found");
  }

  @Test
  void calibrate_reportsAFrontierAndAWinner_andRejectsUnknownParameters() throws IOException {
    Path reports = dir.resolve("cal");
    int code =
        run(
            "calibrate",
            "--model",
            "historical-es",
            "--param",
            "lookback=250",
            "--data",
            "btc-usd-daily",
            "--data-dir",
            DATA_DIR,
            "--portfolio",
            "../test-scenarios/backtest/btc-long.yaml",
            "--from",
            "2019-01-01",
            "--to",
            "2021-12-31",
            "--mpor",
            "1",
            "--target-coverage",
            "0.99",
            "--vary",
            "mporScaling=0.8:2.0:0.2",
            "--out",
            reports.toString());
    assertThat(code).as(out.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(reports.resolve("calibration.json").toFile());
    assertThat(report.get("candidates")).hasSize(7);
    assertThat(report.get("winner").get("coverageRatio").asDouble()).isGreaterThanOrEqualTo(0.99);
    assertThat(report.get("frontier").size()).isPositive();
    assertThat(report.get("data").get("hash").asText()).hasSize(64);
    assertThat(
            run(
                "calibrate",
                "--model",
                "fhs-es",
                "--data",
                "btc-usd-daily",
                "--data-dir",
                DATA_DIR,
                "--portfolio",
                "../test-scenarios/backtest/btc-long.yaml",
                "--vary",
                "haircut=0.1,0.2"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("unknown parameter 'haircut'");
    assertThat(
            run(
                "calibrate",
                "--model",
                "fhs-es",
                "--data",
                "btc-usd-daily",
                "--data-dir",
                DATA_DIR,
                "--portfolio",
                "../test-scenarios/backtest/btc-long.yaml",
                "--vary",
                "confidence=0.99:0.95:0.01"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("range of confidence is empty");
  }

  @Test
  void calibratePolicy_neverProposesAValueBelowTheRegulatoryFloor_andSaysWhichBoundHeld()
      throws IOException {
    Path reports = dir.resolve("policy-cal");
    int code =
        run(
            "calibrate",
            "--policy",
            "risk-based-im@2",
            "--rules",
            "../rules",
            "--data",
            "btc-usd-daily+eth-usd-daily",
            "--data-dir",
            DATA_DIR,
            "--portfolio",
            BOOK,
            "--from",
            "2021-01-04",
            "--to",
            "2021-02-26",
            "--mpor",
            "2",
            "--history-days",
            "300",
            "--target-coverage",
            "0.95",
            "--vary",
            "apcBufferRate=0,0.25",
            "--vary",
            "measures.fhsEs.lambda=0.94,0.97",
            "--out",
            reports.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    JsonNode report = new ObjectMapper().readTree(reports.resolve("calibration.json").toFile());
    assertThat(report.get("candidates")).hasSize(4);
    JsonNode winner = report.get("winner");
    assertThat(winner.get("coverageRatio").asDouble()).isGreaterThanOrEqualTo(0.95);
    // Without the bound the unbuffered candidate would win (risk-based-im@1 proposed 0); the
    // EMIR floor of v2 keeps it out.
    assertThat(winner.get("parameters").get("apcBufferRate").asText()).isEqualTo("0.25");
    double buffered = 0;
    double unbuffered = 0;
    for (JsonNode c : report.get("candidates")) {
      boolean zero = c.get("parameters").get("apcBufferRate").asText().equals("0");
      assertThat(c.get("outsideBounds").size()).isEqualTo(zero ? 1 : 0);
      if (c.get("parameters").get("measures.fhsEs.lambda").asText().equals("0.94")) {
        if (zero) {
          unbuffered = c.get("averageMargin").asDouble();
          assertThat(c.get("outsideBounds").get(0).asText())
              .isEqualTo(
                  "apcBufferRate 0 is below its floor 0.25 (EMIR RTS 153/2013 art. 28(1)(a))");
        } else {
          buffered = c.get("averageMargin").asDouble();
        }
      }
    }
    // Independent check of the buffer: 25% on top of the risk margin (add-ons aside).
    assertThat(buffered).isCloseTo(1.25 * unbuffered, within(0.05));
    String held =
        "apcBufferRate held by its floor 0.25 (EMIR RTS 153/2013 art. 28(1)(a)): 2 candidate(s)"
            + " below it excluded (0)";
    assertThat(report.get("boundsHeld").get(0).get("statement").asText()).startsWith(held);
    assertThat(json().get("boundsHeld").get(0).get("statement").asText()).startsWith(held);
    assertThat(err.toString()).contains("fulcrum calibrate: bound held: " + held);
    Path draft = reports.resolve("draft/risk-based-im/3");
    String manifest = Files.readString(draft.resolve("manifest.yaml"));
    assertThat(manifest)
        .contains("version: \"3\"")
        .contains("DRAFT")
        .contains("apcBufferRate: 0.25")
        .contains("lambda: " + winner.get("parameters").get("measures.fhsEs.lambda").asText())
        .contains("# EMIR RTS 153/2013 art. 28(1)(a): a margin buffer of at least 25%")
        .contains("antiProcyclicality: stressed-floor") // the when: condition is kept
        .endsWith("evidence:\n  - evidence/calibration-report.json\n");
    assertThat(draft.resolve("evidence/calibration-report.json")).exists();
    assertThat(Path.of("../rules/risk-based-im/3")).doesNotExist();
    String html = Files.readString(reports.resolve("calibration.html"));
    assertThat(html)
        .contains("<svg", "class=\"winner\"", "class=\"excluded\"", "class=\"frontier\"")
        .contains("average margin over the backtest (USD)", "coverage (share of days")
        .contains(held);
    assertThat(html.split("class=\"excluded\"", -1)).hasSize(3); // the two candidates at 0
    assertThat(html.split("class=\"candidate\"", -1)).hasSize(3);
  }

  @Test
  void calibrate_everyOptionHasHelpText() {
    CommandLine cli = FulcrumCli.commandLine();
    for (String command : new String[] {"calibrate", "backtest", "measure", "coverage-test"}) {
      for (CommandLine.Model.OptionSpec o :
          cli.getSubcommands().get(command).getCommandSpec().options()) {
        assertThat(String.join(" ", o.description()))
            .as(command + " " + o.longestName())
            .isNotBlank();
      }
    }
  }

  @Test
  void everyCommandsHelp_rendersWithoutPicocliWarnings() {
    // picocli renders descriptions with String.format: a bare '%' makes it print a WARN on stderr
    // and show the raw text.
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    try {
      System.setErr(
          new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      CommandLine cli = FulcrumCli.commandLine();
      cli.getSubcommands()
          .forEach((name, sub) -> assertThat(sub.getUsageMessage()).as(name).isNotBlank());
    } finally {
      System.setErr(stderr);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void calibratePolicy_namesAParameterTheManifestDoesNotHave() {
    assertThat(
            run(
                "calibrate",
                "--policy",
                "risk-based-im@1",
                "--rules",
                "../rules",
                "--data",
                "btc-usd-daily+eth-usd-daily",
                "--data-dir",
                DATA_DIR,
                "--portfolio",
                BOOK,
                "--vary",
                "apcBuffer=0.1,0.2"))
        .isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains("unknown parameter 'apcBuffer'")
        .contains("apcBufferRate")
        .contains("measures.fhsEs.lambda");
  }
}
