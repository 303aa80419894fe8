package io.fulcrum.admin.it;

import static io.fulcrum.admin.it.ServiceClient.AUDITOR;
import static io.fulcrum.admin.it.ServiceClient.DECIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.admin.it.ServiceClient.Reply;
import io.fulcrum.engine.policy.PolicyLibrary;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy governance over HTTP: upload, four-eyes review, shadow, scheduled activation on the
 * service clock (moved by a test-only endpoint), rollback, diff, bad bundles. Each test uses its
 * own version numbers, so their order does not matter. Run on H2 ({@link PolicyGovernanceIT}) and
 * PostgreSQL ({@link PolicyGovernancePostgresIT}).
 */
abstract class PolicyGovernanceContract {

  static final String AUTHOR = "author:author-demo";
  static final String APPROVER = "approver:approver-demo";

  /** Holds both author and approver roles. */
  static final String LEAD = "lead:lead-demo";

  @ArquillianResource URL deployed;

  ServiceClient client;

  /** The built WAR plus the test-only clock and tamper endpoints. */
  static WebArchive warWithClock() {
    ServerLog.prepare();
    File war = new File(System.getProperty("fulcrum.war", "target/fulcrum-policy-admin.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addClasses(ClockResource.class, TamperResource.class);
  }

  @BeforeEach
  void connect() {
    client = new ServiceClient(deployed);
  }

  @Test
  void lifecycle_fourEyes_shadow_scheduledActivation_rollback() {
    // v5: the shipped (active) v4 with bracket 3 at 1.5% instead of 1.25%.
    byte[] v5 =
        zip(
            shipped(
                "tiered-perps",
                "4",
                "5",
                dmn -> dmn.replace("<text>0.0125</text>", "<text>0.015</text>")));
    Reply uploaded =
        client.send("POST", "api/v1/policies/tiered-perps/versions", LEAD, "application/zip", v5);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    assertThat(uploaded.json().get("state").asText()).isEqualTo("VALIDATED");
    assertThat(uploaded.json().at("/report/passed").asBoolean()).isTrue();

    Reply self =
        post(
            "api/v1/policies/tiered-perps/versions/5/approve",
            LEAD,
            "{\"comment\":\"looks fine\"}");
    assertThat(self.status()).as(self.body()).isEqualTo(403);
    assertThat(self.json().get("type").asText()).endsWith("four-eyes");
    assertThat(
            post("api/v1/policies/tiered-perps/versions/5/approve", AUTHOR, "{\"comment\":\"x\"}")
                .status())
        .isEqualTo(403);
    Reply approved =
        post(
            "api/v1/policies/tiered-perps/versions/5/approve",
            APPROVER,
            "{\"comment\":\"bracket 3 at 1.5% agreed with risk committee\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().get("reviewedBy").asText()).isEqualTo("approver");

    // Shadow: live decisions stay on v4, differences under v5 are recorded.
    Reply on =
        client.send(
            "PUT",
            "api/v1/policies/active/shadow",
            APPROVER,
            "application/json",
            bytes(
                "{\"policy\":\"tiered-perps@5\",\"tolerance\":\"0.01\",\"reason\":\"see v5 on live traffic\"}"));
    assertThat(on.status()).as(on.body()).isEqualTo(200);
    Reply shadowed = decide(null);
    assertThat(version(shadowed)).isEqualTo("4");
    JsonNode differences = client.get("api/v1/policies/active/shadow/differences", AUDITOR).json();
    JsonNode difference =
        find(differences.get("items"), "decisionId", shadowed.json().get("id").asText());
    assertThat(difference.get("candidateRef").asText()).isEqualTo("tiered-perps@5");
    assertThat(new java.math.BigDecimal(difference.get("activeMaintenanceMargin").asText()))
        .isLessThan(
            new java.math.BigDecimal(difference.get("candidateMaintenanceMargin").asText()));
    assertThat(
            client
                .send(
                    "DELETE",
                    "api/v1/policies/active/shadow?reason=seen%20enough",
                    APPROVER,
                    null,
                    null)
                .status())
        .isEqualTo(200);

    // Scheduled activation an hour ahead on the service clock.
    Instant now =
        Instant.parse(client.get("api/v1/policies/active", AUDITOR).json().get("now").asText());
    Reply scheduled =
        post(
            "api/v1/policies/tiered-perps/versions/5/activate",
            APPROVER,
            "{\"reason\":\"committee decision 42\",\"effectiveAt\":\""
                + now.plusSeconds(3600)
                + "\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(
            client.get("api/v1/policies/active", AUDITOR).json().at("/scheduled/0/policy").asText())
        .isEqualTo("tiered-perps@5");
    assertThat(version(decide(null))).isEqualTo("4");

    client.post("api/v1/test-support/clock?by=PT2H", null, "");
    Reply afterMove = decide(null);
    assertThat(version(afterMove)).isEqualTo("5");
    // Stamped with the service clock that picked v5 (moved 2 h ahead), not the system clock.
    Instant nowAfterMove =
        Instant.parse(client.get("api/v1/policies/active", AUDITOR).json().get("now").asText());
    assertThat(Instant.parse(afterMove.json().get("createdAt").asText()))
        .isAfterOrEqualTo(now.plusSeconds(7200))
        .isBeforeOrEqualTo(nowAfterMove);
    assertThat(version(decide("tiered-perps@4"))).isEqualTo("4");
    assertThat(state("5")).isEqualTo("ACTIVE");
    assertThat(state("4")).isEqualTo("RETIRED");

    Reply rollback =
        post("api/v1/policies/active/rollback", APPROVER, "{\"reason\":\"complaints from desk\"}");
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
    assertThat(rollback.json().get("version").asText()).isEqualTo("4");
    assertThat(version(decide(null))).isEqualTo("4");
    assertThat(state("5")).isEqualTo("RETIRED");

    JsonNode events =
        client.get("api/v1/policies/tiered-perps/versions/5", AUDITOR).json().get("events");
    List<String> actions = new ArrayList<>();
    events.forEach(e -> actions.add(e.get("action").asText() + " by " + e.get("actor").asText()));
    assertThat(actions)
        .containsSubsequence(
            "UPLOAD by lead",
            "VALIDATE by lead",
            "APPROVE by approver",
            "SHADOW_ON by approver",
            "SHADOW_OFF by approver",
            "ACTIVATE by approver");
    JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
  }

  @Test
  void diff_ofTieredPerps1And2_namesTheChangedBracketRows() {
    Reply diff = client.get("api/v1/policies/tiered-perps/versions/1/diff/2", AUDITOR);
    assertThat(diff.status()).as(diff.body()).isEqualTo(200);
    JsonNode files = diff.json().get("files");
    assertThat(find(files, "path", "brackets.dmn").get("change").asText()).isEqualTo("CHANGED");
    assertThat(find(files, "path", "margin.drl").get("change").asText())
        .isIn("CHANGED", "UNCHANGED");
    JsonNode table = diff.json().get("tables").get(0);
    assertThat(table.get("table").asText()).isEqualTo("Maintenance bracket");
    List<Integer> rows = new ArrayList<>();
    table.get("rows").forEach(r -> rows.add(r.get("row").asInt()));
    assertThat(rows).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
    JsonNode bracket3 = table.get("rows").get(0).get("cells");
    assertThat(find(bracket3, "column", "maintenanceMarginRate").get("from").asText())
        .isEqualTo("0.01");
    assertThat(find(bracket3, "column", "maintenanceMarginRate").get("to").asText())
        .isEqualTo("0.0125");
    assertThat(find(bracket3, "column", "maintenanceAmount").get("to").asText()).isEqualTo("1925");
    JsonNode bracket10 = table.get("rows").get(7).get("cells");
    assertThat(find(bracket10, "column", "maintenanceAmount").get("from").asText())
        .isEqualTo("100016300");
    assertThat(find(bracket10, "column", "maintenanceAmount").get("to").asText())
        .isEqualTo("100014425");
  }

  /** The cell of a /tables row under the column named {@code column}. */
  private static String cell(JsonNode table, int row, String column) {
    JsonNode columns = table.get("columns");
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).get("name").asText().equals(column)) {
        JsonNode r = table.get("rows").get(row - 1);
        assertThat(r.get("number").asInt()).isEqualTo(row);
        return r.get("cells").get(i).asText();
      }
    }
    throw new AssertionError("no column " + column + " in " + columns);
  }

  @Test
  void tables_ofTieredPerps_areTheDmnRowsAsAuthored_numberedFromOne() {
    Reply v2 = client.get("api/v1/policies/tiered-perps/versions/2/tables", DECIDER);
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    assertThat(v2.json().get("unreadable").size()).isZero();
    assertThat(v2.json().get("tables").size()).isEqualTo(1);
    JsonNode table = v2.json().get("tables").get(0);
    assertThat(table.get("file").asText()).isEqualTo("brackets.dmn");
    assertThat(table.get("decision").asText()).isEqualTo("Maintenance bracket");
    assertThat(table.get("hitPolicy").asText()).isEqualTo("UNIQUE");
    List<String> columns = new ArrayList<>();
    table
        .get("columns")
        .forEach(c -> columns.add(c.get("kind").asText() + " " + c.get("name").asText()));
    assertThat(columns)
        .containsExactly(
            "INPUT symbol",
            "INPUT notional (USDT)",
            "OUTPUT bracket",
            "OUTPUT maintenanceMarginRate",
            "OUTPUT maintenanceAmount",
            "OUTPUT maxLeverage",
            "OUTPUT notionalFloor",
            "OUTPUT notionalCap",
            "ANNOTATION note");
    assertThat(table.at("/columns/1/type").asText()).isEqualTo("number");
    assertThat(table.get("rows").size()).isEqualTo(10);
    // rules/tiered-perps/2/brackets.dmn, rule bracket_3 and bracket_10
    assertThat(cell(table, 3, "notional (USDT)")).isEqualTo("[250000..1000000)");
    assertThat(cell(table, 3, "maintenanceMarginRate")).isEqualTo("0.0125");
    assertThat(cell(table, 3, "maintenanceAmount")).isEqualTo("1925");
    assertThat(cell(table, 3, "note")).startsWith("v2: rate raised from 1.0% to 1.25%");
    assertThat(cell(table, 10, "maintenanceAmount")).isEqualTo("100014425");
    assertThat(cell(table, 1, "maxLeverage")).isEqualTo("125");
    // rules/tiered-perps/1/brackets.dmn: the values before the change
    JsonNode v1 = client.get("api/v1/policies/tiered-perps/versions/1/tables", AUDITOR).json();
    assertThat(cell(v1.get("tables").get(0), 3, "maintenanceMarginRate")).isEqualTo("0.01");
    assertThat(cell(v1.get("tables").get(0), 10, "maintenanceAmount")).isEqualTo("100016300");

    Reply missing = client.get("api/v1/policies/tiered-perps/versions/99/tables", AUDITOR);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(client.get("api/v1/policies/tiered-perps/versions/2/tables", null).status())
        .isEqualTo(401);
    // the path of the first slice, outside the /versions/{version}/... family, is gone
    assertThat(client.get("api/v1/policies/tiered-perps/2/tables", AUDITOR).status())
        .isEqualTo(404);
  }

  @Test
  void files_areServedAsStoredText_andAMissingOneIsNamed() throws IOException {
    Path shipped = PolicyLibrary.shipped().root().resolve("tiered-perps").resolve("1");
    Reply manifest =
        client.get("api/v1/policies/tiered-perps/versions/1/files/manifest.yaml", AUTHOR);
    assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
    assertThat(manifest.header("Content-Type")).startsWith("text/plain");
    assertThat(manifest.body())
        .isEqualTo(Files.readString(shipped.resolve("manifest.yaml"), StandardCharsets.UTF_8));
    Reply drl = client.get("api/v1/policies/tiered-perps/versions/1/files/margin.drl", AUDITOR);
    assertThat(drl.body())
        .isEqualTo(Files.readString(shipped.resolve("margin.drl"), StandardCharsets.UTF_8));
    Reply missing =
        client.get("api/v1/policies/tiered-perps/versions/1/files/nope/other.drl", AUDITOR);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("detail").asText()).contains("nope/other.drl");
  }

  @Test
  void events_acrossPolicies_areNewestFirst_filteredAndPaged() {
    Reply imports =
        client.get("api/v1/policies/events?policy=tiered-perps&action=IMPORT&size=200", AUDITOR);
    assertThat(imports.status()).as(imports.body()).isEqualTo(200);
    JsonNode items = imports.json().get("items");
    assertThat(imports.json().get("total").asLong()).isEqualTo(items.size());
    List<String> versions = new ArrayList<>();
    long previous = Long.MAX_VALUE;
    for (JsonNode e : items) {
      assertThat(e.get("action").asText()).isEqualTo("IMPORT");
      assertThat(e.get("policyId").asText()).isEqualTo("tiered-perps");
      assertThat(e.get("sequence").asLong()).isLessThan(previous);
      previous = e.get("sequence").asLong();
      versions.add(e.get("version").asText());
    }
    assertThat(versions).contains("1", "2", "3");

    Reply all = client.get("api/v1/policies/events?size=2", APPROVER);
    assertThat(all.json().get("items").size()).isEqualTo(2);
    assertThat(all.json().get("total").asLong()).isGreaterThanOrEqualTo(versions.size());
    Reply second = client.get("api/v1/policies/events?size=2&page=1", APPROVER);
    assertThat(second.json().at("/items/0/sequence").asLong())
        .isLessThan(all.json().at("/items/1/sequence").asLong());

    Reply bad = client.get("api/v1/policies/events?action=approve", AUDITOR);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("action");
    Reply tooBig = client.get("api/v1/policies/events?size=201", AUDITOR);
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().get("field").asText()).isEqualTo("size");
  }

  @Test
  void uploadValidation_runsScenariosAndTableAnalysis_andACalibrationDraftValidates() {
    // A draft exactly as `fulcrum calibrate` writes it (DraftPolicyWriter, from risk-based-im@2,
    // the latest shipped version, so the draft is version 3): comments kept, the changed value
    // edited in place, its calibration report listed under evidence: (never read as a request).
    Map<String, byte[]> draft = calibrationDraft("risk-based-im@2", Map.of("apcBufferRate", "0.3"));
    assertThat(new String(draft.get("manifest.yaml"), StandardCharsets.UTF_8))
        .contains("version: \"3\"", "apcBufferRate: 0.3", "evidence:", "# ");
    Reply uploaded =
        client.send(
            "POST",
            "api/v1/policies/risk-based-im/versions",
            AUTHOR,
            "application/zip",
            zip(draft));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    assertThat(uploaded.json().get("state").asText()).isEqualTo("VALIDATED");
    assertThat(uploaded.json().at("/report/checks").toString())
        .isEqualTo(
            "[\"location\",\"compile\",\"tables concentration.dmn\","
                + "\"scenarios concentration.scesim\"]");

    // A bracket gap under UNIQUE: DRAFT, with the table's file and line.
    Reply gap =
        upload(
            zip(
                shipped(
                    "tiered-perps",
                    "2",
                    "81",
                    dmn -> dmn.replace("[250000..1000000)", "[260000..1000000)"))),
            AUTHOR);
    assertThat(gap.status()).as(gap.body()).isEqualTo(422);
    assertThat(gap.json().at("/report/problems/0/file").asText()).isEqualTo("brackets.dmn");
    assertThat(gap.json().at("/report/problems/0/line").asInt()).isEqualTo(23);
    assertThat(gap.json().at("/report/problems/0/message").asText())
        .isEqualTo(
            "table 'BTC maintenance brackets' (UNIQUE): gap between rows, no row matches"
                + " [ \"BTCUSDT\", [ 250000 .. 260000 ) ]");
    assertThat(gap.json().at("/report/warnings").size()).isEqualTo(2);
  }

  @Test
  void badBundles_areRefusedWithTheirProblems_andChangeNothing() {
    Map<String, byte[]> good = shipped("tiered-perps", "2", "50", UnaryOperator.identity());
    String versionsBefore = client.get("api/v1/policies/tiered-perps/versions", AUDITOR).body();
    String headBefore = client.get("api/v1/audit/verify", AUDITOR).json().get("headHash").asText();

    Map<String, byte[]> missing = new TreeMap<>(good);
    missing.remove("margin.drl");
    Reply missingFile = upload(zip(missing), AUTHOR);
    assertThat(missingFile.status()).as(missingFile.body()).isEqualTo(400);
    assertThat(missingFile.json().get("problems").toString()).contains("margin.drl");

    Map<String, byte[]> escaping = new TreeMap<>(good);
    escaping.put("../escape.drl", bytes("rule x when then end"));
    Reply escape = upload(zip(escaping), AUTHOR);
    assertThat(escape.status()).as(escape.body()).isEqualTo(400);
    assertThat(escape.json().get("problems").toString())
        .contains("../escape.drl")
        .contains("escapes");

    byte[] huge = new byte[3 * 1024 * 1024];
    new Random(1).nextBytes(huge);
    Reply oversized = upload(huge, AUTHOR);
    assertThat(oversized.status()).as(oversized.body()).isEqualTo(413);
    assertThat(oversized.json().get("detail").asText()).contains("larger than the limit");

    assertThat(upload(bytes("not a zip"), AUTHOR).status()).isEqualTo(400);
    assertThat(upload(zip(good), DECIDER).status()).isEqualTo(403);

    assertThat(client.get("api/v1/policies/tiered-perps/versions", AUDITOR).body())
        .isEqualTo(versionsBefore);
    assertThat(client.get("api/v1/audit/verify", AUDITOR).json().get("headHash").asText())
        .isEqualTo(headBefore);

    // Bundles that read but do not compile stay DRAFT with file and line, and cannot be approved.
    Map<String, byte[]> drl = shipped("tiered-perps", "2", "51", UnaryOperator.identity());
    drl.put(
        "margin.drl",
        bytes(
            new String(drl.get("margin.drl"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^when$", "when ((( not a pattern")));
    Reply badDrl = upload(zip(drl), AUTHOR);
    assertThat(badDrl.status()).as(badDrl.body()).isEqualTo(422);
    assertThat(badDrl.json().get("state").asText()).isEqualTo("DRAFT");
    JsonNode drlProblem = badDrl.json().at("/report/problems/0");
    assertThat(drlProblem.get("file").asText()).isEqualTo("margin.drl");
    assertThat(drlProblem.get("line").asInt()).isPositive();

    Reply badDmn =
        upload(
            zip(
                shipped(
                    "tiered-perps",
                    "2",
                    "52",
                    dmn -> dmn.replace("<text>0.0125</text>", "<text>\"high\"</text>"))),
            AUTHOR);
    assertThat(badDmn.status()).as(badDmn.body()).isEqualTo(422);
    assertThat(badDmn.json().at("/report/problems/0/file").asText()).isEqualTo("brackets.dmn");
    assertThat(badDmn.json().at("/report/problems/0/message").asText()).contains("type error");
    assertThat(
            client
                .get("api/v1/policies/tiered-perps/versions/52/report", AUDITOR)
                .json()
                .get("passed")
                .asBoolean())
        .isFalse();
    assertThat(
            post(
                    "api/v1/policies/tiered-perps/versions/52/approve",
                    APPROVER,
                    "{\"comment\":\"no\"}")
                .status())
        .isEqualTo(409);
    assertThat(
            client
                .post(
                    "api/v1/decisions?policy=tiered-perps@52",
                    DECIDER,
                    DecisionServiceContract.request(DecisionServiceContract.newAccount()))
                .status())
        .isEqualTo(400);
    JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
  }

  /** Four eyes cannot be bypassed by setting the state column: the state is what the chain says. */
  @Test
  void stateSetToApprovedInTheDatabase_isRefusedForActivationAndDecisions_andReported() {
    assertThat(upload(zip(variant("60", "0.016")), AUTHOR).status()).isEqualTo(201);
    String previous = tamperVersion("60", "state=APPROVED");
    assertThat(previous).startsWith("VALIDATED ");
    try {
      Instant now =
          Instant.parse(client.get("api/v1/policies/active", AUDITOR).json().get("now").asText());
      Reply activated =
          post(
              "api/v1/policies/tiered-perps/versions/60/activate",
              APPROVER,
              "{\"reason\":\"sneaked in\",\"effectiveAt\":\""
                  + now.plusSeconds(400L * 24 * 3600)
                  + "\"}");
      // The row contradicts its sealed events: an integrity fault, not a lifecycle refusal.
      assertThat(activated.status()).as(activated.body()).isEqualTo(500);
      assertThat(activated.json().get("type").asText()).endsWith("/audit-chain-integrity");
      assertThat(activated.body()).contains("tiered-perps@60");
      // Decisions resolve the state its sealed events give (VALIDATED): not decidable.
      Reply decided = decideUnder("tiered-perps@60");
      assertThat(decided.status()).as(decided.body()).isEqualTo(400);
      assertThat(decided.json().get("detail").asText()).contains("VALIDATED, not approved");
      JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isFalse();
      assertThat(verify.at("/firstBroken/subjectId").asText()).isEqualTo("tiered-perps@60");
      assertThat(verify.at("/firstBroken/problem").asText()).contains("APPROVED", "VALIDATED");
    } finally {
      tamperVersion("60", "state=" + previous.split(" ")[0]);
    }
    assertThat(decideUnder("tiered-perps@60").status()).isEqualTo(400);
    JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
  }

  @Test
  void hostileBundles_areRefusedWithFileAndLine_andTheServiceStaysUp() {
    // A rule that would exit the JVM and read /etc/passwd into a fact.
    Map<String, byte[]> exiting = shipped("tiered-perps", "2", "70", UnaryOperator.identity());
    String drl = new String(exiting.get("margin.drl"), StandardCharsets.UTF_8);
    String ok = "$a.setStatus(DecisionStatus.OK);";
    int line = drl.substring(0, drl.indexOf(ok)).split("\n", -1).length;
    exiting.put(
        "margin.drl",
        bytes(
            drl.replace(
                ok,
                "System.exit(1); $a.setAmount(new String(java.nio.file.Files.readAllBytes("
                    + "java.nio.file.Path.of(\"/etc/passwd\"))), null);")));
    Reply exit = upload(zip(exiting), AUTHOR);
    assertThat(exit.status()).as(exit.body()).isEqualTo(422);
    assertThat(exit.json().get("state").asText()).isEqualTo("DRAFT");
    assertThat(exit.json().at("/report/problems"))
        .anySatisfy(
            p -> {
              assertThat(p.get("file").asText()).isEqualTo("margin.drl");
              assertThat(p.get("line").asInt()).isEqualTo(line);
              assertThat(p.get("message").asText()).contains("System is not allowed");
            })
        .anySatisfy(
            p ->
                assertThat(p.get("message").asText())
                    .contains("java.nio.file.Files is not allowed"));
    assertThat(exit.body()).doesNotContain("root:");

    // A FEEL function bound to java.lang.System.
    Reply feel =
        upload(
            zip(
                shipped(
                    "tiered-perps",
                    "2",
                    "71",
                    dmn ->
                        dmn.replace(
                            "<text>0.0125</text>",
                            "<text>function(c) external { java: { class: \"java.lang.System\","
                                + " method signature: \"exit(int)\" } }</text>"))),
            AUTHOR);
    assertThat(feel.status()).as(feel.body()).isEqualTo(422);
    assertThat(feel.json().at("/report/problems/0/file").asText()).isEqualTo("brackets.dmn");
    assertThat(feel.json().at("/report/problems/0/line").asInt()).isPositive();
    assertThat(feel.json().at("/report/problems/0/message").asText())
        .contains("FEEL external function (Java) is not allowed");

    // The service still answers, decides and its chain is intact.
    decide(null);
    JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
  }

  /** A version's bundle hash names the content it was reviewed with, checked on every load. */
  @Test
  void bundleHashPointedAtOtherContent_isRefused_andReported() {
    assertThat(upload(zip(variant("61", "0.02")), AUTHOR).status()).isEqualTo(201);
    assertThat(
            post(
                    "api/v1/policies/tiered-perps/versions/61/approve",
                    APPROVER,
                    "{\"comment\":\"bracket 3 at 2%\"}")
                .status())
        .isEqualTo(200);
    String v1Hash =
        client
            .get("api/v1/policies/tiered-perps/versions/1", AUDITOR)
            .json()
            .get("bundleHash")
            .asText();
    String previous = tamperVersion("61", "bundleHash=" + v1Hash);
    try {
      Reply refused = decideUnder("tiered-perps@61");
      assertThat(refused.status()).as(refused.body()).isEqualTo(500);
      assertThat(refused.json().get("type").asText()).endsWith("audit-chain-integrity");
      assertThat(refused.json().get("detail").asText()).contains("tiered-perps@61");
      JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isFalse();
      assertThat(verify.at("/firstBroken/subjectId").asText()).isEqualTo("tiered-perps@61");
      assertThat(verify.at("/firstBroken/problem").asText()).contains("bundle hash");
    } finally {
      tamperVersion("61", "bundleHash=" + previous.split(" ")[1]);
    }

    // The content itself edited in place (v1's files under v61's hash): its hash is recomputed.
    String v61Hash = previous.split(" ")[1];
    String original = tamperContent(v61Hash, "?from=" + v1Hash, "");
    try {
      Reply refused = decideUnder("tiered-perps@61");
      assertThat(refused.status()).as(refused.body()).isEqualTo(500);
      assertThat(refused.json().get("type").asText()).endsWith("audit-chain-integrity");
      assertThat(refused.json().get("detail").asText()).contains("tiered-perps@61", "altered");
      JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isFalse();
      assertThat(verify.at("/firstBroken/problem").asText()).contains("was altered");
    } finally {
      tamperContent(v61Hash, "", original);
    }
    Reply decided = decideUnder("tiered-perps@61");
    assertThat(decided.status()).as(decided.body()).isEqualTo(201);
    assertThat(decided.json().at("/decision/policy/hash").asText())
        .isEqualTo(previous.split(" ")[1]);
    JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
  }

  /** Shadow evaluation compiles the candidate, but that never makes it decidable. */
  @Test
  void validatedShadowCandidate_isNeverDecidableByPinning_evenAfterAShadowEvaluation() {
    assertThat(upload(zip(variant("62", "0.017")), AUTHOR).status()).isEqualTo(201);
    Reply on =
        client.send(
            "PUT",
            "api/v1/policies/active/shadow",
            APPROVER,
            "application/json",
            bytes("{\"policy\":\"tiered-perps@62\",\"reason\":\"try 62 in shadow\"}"));
    assertThat(on.status()).as(on.body()).isEqualTo(200);
    try {
      decide(null);
      assertThat(client.get("api/v1/policies/active/shadow/differences?size=200", AUDITOR).body())
          .contains("tiered-perps@62");
      Reply pinned = decideUnder("tiered-perps@62");
      assertThat(pinned.status()).as(pinned.body()).isEqualTo(400);
      assertThat(pinned.json().get("detail").asText()).contains("VALIDATED");

      assertThat(
              post(
                      "api/v1/policies/tiered-perps/versions/62/reject",
                      APPROVER,
                      "{\"comment\":\"no\"}")
                  .status())
          .isEqualTo(200);
      decide(null);
      Reply rejected = decideUnder("tiered-perps@62");
      assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
      assertThat(rejected.json().get("detail").asText()).contains("REJECTED");
    } finally {
      client.send(
          "DELETE", "api/v1/policies/active/shadow?reason=test%20over", APPROVER, null, null);
    }
  }

  /** v2 with bracket 3's maintenance rate set to {@code rate}, as version {@code version}. */
  private static Map<String, byte[]> variant(String version, String rate) {
    return shipped(
        "tiered-perps",
        "2",
        version,
        dmn -> dmn.replace("<text>0.0125</text>", "<text>" + rate + "</text>"));
  }

  private String tamperVersion(String version, String query) {
    Reply r =
        client.post(
            "api/v1/test-support/tamper/policy/tiered-perps/" + version + "?" + query, null, "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private String tamperContent(String hash, String query, String body) {
    Reply r =
        client.send(
            "POST",
            "api/v1/test-support/tamper/content/" + hash + query,
            null,
            "text/plain",
            bytes(body));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private Reply decideUnder(String policy) {
    return client.post(
        "api/v1/decisions?policy=" + policy,
        DECIDER,
        DecisionServiceContract.request(DecisionServiceContract.newAccount()));
  }

  private Reply upload(byte[] body, String user) {
    return client.send(
        "POST", "api/v1/policies/tiered-perps/versions", user, "application/zip", body);
  }

  private Reply post(String path, String user, String json) {
    return client.send("POST", path, user, "application/json", bytes(json));
  }

  private Reply decide(String policy) {
    Reply r =
        client.post(
            "api/v1/decisions" + (policy == null ? "" : "?policy=" + policy),
            DECIDER,
            DecisionServiceContract.request(DecisionServiceContract.newAccount()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r;
  }

  private static String version(Reply decision) {
    return decision.json().at("/decision/policy/version").asText();
  }

  private String state(String version) {
    return client
        .get("api/v1/policies/tiered-perps/versions/" + version, AUDITOR)
        .json()
        .get("state")
        .asText();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + " = " + value + " in " + array);
  }

  /** A shipped bundle's files as a new version, with {@code dmnEdit} applied to its .dmn files. */
  /** The files of a draft written by {@code fulcrum calibrate}'s own writer, by bundle path. */
  static Map<String, byte[]> calibrationDraft(String ref, Map<String, String> calibrated) {
    try {
      Path out = Files.createTempDirectory("calibration-draft");
      Path dir =
          io.fulcrum.engine.calibration.DraftPolicyWriter.write(
              PolicyLibrary.shipped(),
              io.fulcrum.engine.policy.PolicyRef.parse(ref),
              calibrated,
              "{\"winner\": {\"apcBufferRate\": 0.3}}",
              out);
      Map<String, byte[]> files = new TreeMap<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> shipped(
      String id, String version, String newVersion, UnaryOperator<String> dmnEdit) {
    Path dir = PolicyLibrary.shipped().root().resolve(id).resolve(version);
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.list(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString().replace("/", "");
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (name.equals("manifest.yaml")) {
          text = text.replace("version: \"" + version + "\"", "version: \"" + newVersion + "\"");
        } else if (name.endsWith(".dmn")) {
          text = dmnEdit.apply(text);
        } else if (name.endsWith(".scesim")) {
          // Validation runs the bundle's scenarios: their expected values follow the table edit.
          text = scenarioEdit(text, dmnEdit);
        }
        files.put(name, bytes(text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Applies a DMN cell edit ({@code <text>v</text>}) to the same values in a .scesim file. */
  private static String scenarioEdit(String scesim, UnaryOperator<String> dmnEdit) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<rawValue class=\"string\">([^<]*)</rawValue>")
            .matcher(scesim);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String cell = "<text>" + m.group(1) + "</text>";
      String edited = dmnEdit.apply(cell);
      String value =
          edited.startsWith("<text>") && edited.endsWith("</text>")
              ? edited.substring(6, edited.length() - 7)
              : m.group(1);
      m.appendReplacement(
          out,
          java.util.regex.Matcher.quoteReplacement(
              "<rawValue class=\"string\">" + value + "</rawValue>"));
    }
    m.appendTail(out);
    return out.toString();
  }

  static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
