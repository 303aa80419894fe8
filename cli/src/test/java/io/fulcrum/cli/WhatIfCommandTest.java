package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * fulcrum what-if on the example account (isolated long 4.4 BTCUSDT at 60,000, leverage 20, mark
 * 60,000) under tiered-perps@1, buying 0.6 BTCUSDT at 61,000
 * (examples/btc-isolated-long.orders.json).
 */
class WhatIfCommandTest {

  static final String REQUEST = "../examples/btc-isolated-long.json";
  static final String ORDERS = "../examples/btc-isolated-long.orders.json";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private int whatIf(String policy, String orders, String... more) {
    String[] base = {
      "what-if", "--rules", "../rules", "--policy", policy, "--request", REQUEST, "--orders", orders
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  void json_givesBothSetsOfFigures_asTheServiceDoes() throws Exception {
    assertThat(whatIf("tiered-perps@1", ORDERS)).as(err.toString()).isZero();
    JsonNode r = Json.mapper().readTree(out.toString());
    assertThat(r.get("policy").get("version").asText()).isEqualTo("1");
    // before: IM 264,000 / 20, MM 264,000 x 1% - 1,300; after: 5 BTC, notional 300,000,
    // entry (264,000 + 36,600) / 5 = 60,120, unrealised -600
    assertThat(r.get("before").get("initialMargin").asText()).isEqualTo("13200");
    assertThat(r.get("before").get("maintenanceMargin").asText()).isEqualTo("1340");
    assertThat(r.get("after").get("initialMargin").asText()).isEqualTo("15000");
    assertThat(r.get("after").get("maintenanceMargin").asText()).isEqualTo("1700");
    assertThat(r.get("after").get("marginBalance").asText()).isEqualTo("17600");
    assertThat(r.get("positions").get(0).get("quantityBefore").asText()).isEqualTo("4.4");
    assertThat(r.get("positions").get(0).get("quantityAfter").asText()).isEqualTo("5.0");
    assertThat(r.get("assumptions").toString()).contains("policy tiered-perps@1 (as asked)");
    assertThat(r.get("decision").get("explanation").get("captured").asBoolean()).isFalse();
  }

  @Test
  void explain_printsTheTable_theAssumptions_andTheExplanationAfter() {
    assertThat(whatIf("tiered-perps", ORDERS, "--explain")).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .contains("What-if under policy tiered-perps@4 (USDT)")
        .contains("policy tiered-perps@4 (latest)")
        .contains("BTCUSDT        4.4 -> 5.0; ")
        .contains("After the orders:")
        .contains("Decision for account acc-isolated-1 under policy tiered-perps@4")
        // Rendered with the manifest, as decide --explain: the level is named by its parameter.
        .containsPattern("Status [A-Z_]+: margin ratio [0-9.]+% .* \\(marginCallRatio\\)");
    assertThat(text.lines().filter(l -> l.trim().startsWith("initial margin")).findFirst())
        .hasValueSatisfying(l -> assertThat(l.trim().split("\\s+")).endsWith("13200", "15000"));
  }

  @Test
  void aBadOrder_isExit2_namingTheField() throws Exception {
    Path orders = dir.resolve("orders.json");
    Files.writeString(
        orders,
        "[{\"instrument\": \"BTCUSDT\", \"quantity\": \"1\"},"
            + " {\"instrument\": \"BTCUSDT\", \"quantity\": \"0\"}]");
    assertThat(whatIf("tiered-perps@1", orders.toString())).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).startsWith("invalid request: orders[1].quantity: ");

    err.getBuffer().setLength(0);
    Files.writeString(orders, "[{\"instrument\": \"DOGEUSDT\", \"quantity\": \"1\"}]");
    assertThat(whatIf("tiered-perps@1", orders.toString())).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains("orders[0].instrument: 'DOGEUSDT' is not defined in market.instruments");

    err.getBuffer().setLength(0);
    Files.writeString(orders, "[{\"instrument\": \"BTCUSDT\", \"qty\": \"1\"}]");
    assertThat(whatIf("tiered-perps@1", orders.toString())).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("orders[0].qty: unknown field 'qty'");
  }

  @Test
  void anUnknownPolicy_isExit2() {
    assertThat(whatIf("tiered-perps@9", ORDERS)).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("tiered-perps@9");
  }
}
