package io.fulcrum.admin.it;

import static io.fulcrum.admin.it.ServiceClient.AUDITOR;
import static io.fulcrum.admin.it.ServiceClient.DECIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.admin.it.ServiceClient.Reply;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision service over HTTP, deployed as the built WAR (plus a test-only tamper endpoint) into
 * Payara Micro. Run against H2 ({@code DecisionServiceIT}) and PostgreSQL ({@code
 * DecisionServicePostgresIT}). Every test makes its own accounts, so order does not matter.
 */
abstract class DecisionServiceContract {

  static final String LEAD = "lead:lead-demo";

  /**
   * The engine's own decision for the example request, computed when the class loads, before Payara
   * boots: engine classes are then loaded before a concurrent {@code mvn install} elsewhere can
   * replace the engine jar under this JVM.
   */
  private static final String COMPARED_ACCOUNT = "acc-compared-with-engine";

  private static final String ENGINE_DECISION =
      Json.canonical(
          MarginEngine.over(PolicyLibrary.shipped())
              .decide(
                  PolicyRef.parse("tiered-perps"),
                  RequestReader.read(request(COMPARED_ACCOUNT)),
                  true));

  @ArquillianResource URL deployed;

  ServiceClient client;

  static WebArchive builtWar() {
    ServerLog.prepare();
    File war = new File(System.getProperty("fulcrum.war", "target/fulcrum-policy-admin.war"));
    WebArchive archive =
        ShrinkWrap.createFromZipFile(WebArchive.class, war)
            .addClass(TamperResource.class)
            .addClasses(FailureResource.class, FailingServlet.class, AuthProbeResource.class)
            .addClass(JvmSettingsResource.class);
    boolean consoleJar =
        archive.getContent().keySet().stream()
            .anyMatch(p -> p.get().startsWith("/WEB-INF/lib/fulcrum-console"));
    if (!consoleJar) {
      // Until the WAR carries the console module's jar, a test-only page stands in for it.
      archive.addAsWebResource(
          new StringAsset("<!doctype html><title>Fulcrum console</title><h1>Fulcrum console</h1>"),
          "console/index.html");
    }
    return archive;
  }

  @BeforeEach
  void connect() {
    client = new ServiceClient(deployed);
  }

  @Test
  void decision_isStoredWithExplanation_andReadsBackAsTheEngineWroteIt() throws Exception {
    String account = COMPARED_ACCOUNT;
    Reply created = client.post("api/v1/decisions", DECIDER, request(account));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).endsWith("/api/v1/decisions/" + id);

    Reply read = client.get("api/v1/decisions/" + id, AUDITOR);
    assertThat(read.status()).isEqualTo(200);
    assertThat(Json.canonical(read.json().get("decision"))).isEqualTo(ENGINE_DECISION);
    assertThat(read.json().get("createdBy").asText()).isEqualTo("decider");

    Reply text = client.get("api/v1/decisions/" + id + "/explanation", AUDITOR, "text/plain");
    assertThat(text.body())
        .contains("Decision for account " + account)
        .contains("Status OK")
        .contains("Liquidation price 57,278.48101266");
    Reply json = client.get("api/v1/decisions/" + id + "/explanation", AUDITOR, "application/json");
    assertThat(json.json().get("explanation").get("steps").size()).isGreaterThan(5);
  }

  @Test
  void idempotencyKey_returnsTheStoredDecisionOnRetry_andRefusesADifferentRequest() {
    String account = newAccount();
    String key = "retry-" + UUID.randomUUID();
    Reply first = client.post("api/v1/decisions", DECIDER, request(account), key);
    Reply retry = client.post("api/v1/decisions", DECIDER, request(account), key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(total("account=" + account)).isEqualTo(1);

    Reply other = client.post("api/v1/decisions", DECIDER, request(newAccount()), key);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void list_filtersByAccountPolicyAndStatus_andPages() {
    String account = newAccount();
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("api/v1/decisions", DECIDER, request(account)).status())
          .isEqualTo(201);
    }
    client.post("api/v1/decisions?policy=tiered-perps@1", DECIDER, request(account));
    Reply page = client.get("api/v1/decisions?account=" + account + "&size=2&page=1", AUDITOR);
    assertThat(page.json().get("total").asLong()).isEqualTo(4);
    assertThat(page.json().get("items").size()).isEqualTo(2);
    assertThat(total("account=" + account + "&policy=tiered-perps@1")).isEqualTo(1);
    assertThat(total("account=" + account + "&status=OK")).isEqualTo(4);
    assertThat(total("account=" + account + "&status=LIQUIDATE")).isZero();
    assertThat(total("account=" + account + "&from=2100-01-01T00:00:00Z")).isZero();
    Reply bad = client.get("api/v1/decisions?status=BROKE", AUDITOR);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("status");
  }

  @Test
  void replay_ofADecisionTakenUnderV1_givesV1sResult_whileV4IsActive() {
    String account = newAccount();
    Reply v1 = client.post("api/v1/decisions?policy=tiered-perps@1", DECIDER, request(account));
    Reply active = client.post("api/v1/decisions", DECIDER, request(account));
    assertThat(v1.status()).as(v1.body()).isEqualTo(201);
    assertThat(active.json().at("/decision/policy/version").asText())
        .as(active.body())
        .isEqualTo("4");
    assertThat(active.json().at("/decision/maintenanceMargin"))
        .isNotEqualTo(v1.json().at("/decision/maintenanceMargin"));

    Reply replay =
        client.post("api/v1/decisions/" + v1.json().get("id").asText() + "/replay", AUDITOR, "");
    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    JsonNode report = replay.json();
    assertThat(report.at("/storedPolicy/version").asText()).isEqualTo("1");
    assertThat(report.get("identical").asBoolean()).isTrue();
    assertThat(report.get("explanationIdentical").asBoolean()).isTrue();
    assertThat(report.get("replayedDecisionHash"))
        .isEqualTo(v1.json().at("/decision/decisionHash"));
    assertThat(report.get("differences").size()).isZero();
  }

  @Test
  void auditVerify_namesADecisionRowEditedInTheDatabase() {
    Reply created = client.post("api/v1/decisions", DECIDER, request(newAccount()));
    String id = created.json().get("id").asText();
    assertThat(verify().get("intact").asBoolean()).isTrue();

    String previous =
        client.post("api/v1/test-support/tamper/" + id + "?status=LIQUIDATE", null, "").body();
    try {
      JsonNode report = verify();
      assertThat(report.get("intact").asBoolean()).isFalse();
      assertThat(report.at("/firstBroken/subjectId").asText()).isEqualTo(id);
      assertThat(report.at("/firstBroken/sequence").asLong())
          .isEqualTo(created.json().get("sequence").asLong());
      assertThat(report.at("/firstBroken/problem").asText()).contains("altered");
    } finally {
      client.post("api/v1/test-support/tamper/" + id + "?status=" + previous, null, "");
    }
    assertThat(verify().get("intact").asBoolean()).isTrue();
  }

  @Test
  void decisionRowAboveTheHead_isReportedByVerify_andNeverServed() {
    String account = newAccount();
    Reply created = client.post("api/v1/decisions", DECIDER, request(account));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    long head = verify().get("headSequence").asLong();
    String forged = copyOf(id, head + 1000);
    try {
      JsonNode report = verify();
      assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
      assertThat(report.at("/firstBroken/subjectId").asText()).isEqualTo(forged);
      assertThat(report.at("/firstBroken/sequence").asLong()).isEqualTo(head + 1000);
      assertThat(report.at("/firstBroken/problem").asText()).contains("above the chain head");

      assertIntegrityProblem(client.get("api/v1/decisions/" + forged, AUDITOR), forged);
      assertIntegrityProblem(
          client.get("api/v1/decisions/" + forged + "/explanation", DECIDER, "text/plain"), forged);
      assertIntegrityProblem(
          client.post("api/v1/decisions/" + forged + "/replay", AUDITOR, ""), forged);
      Reply listed = client.get("api/v1/decisions?account=" + account, AUDITOR);
      assertThat(listed.json().get("total").asLong()).as(listed.body()).isEqualTo(1);
      assertThat(listed.json().at("/items/0/id").asText()).isEqualTo(id);
    } finally {
      client.send("DELETE", "api/v1/test-support/tamper/" + forged, null, null, null);
    }
    assertThat(verify().get("intact").asBoolean()).isTrue();
  }

  /**
   * A row in the next chain position would collide with the next append. Refusing is right: the
   * service cannot tell who wrote it, appending past it would either skip a chain position or seal
   * a decision next to an unexplained one, and an operator has to look at it first.
   */
  @Test
  void decisionRowAtTheNextSequence_stopsDecisionsWithAProblemNamingIt_untilRemoved() {
    String account = newAccount();
    Reply created = client.post("api/v1/decisions", DECIDER, request(account));
    String id = created.json().get("id").asText();
    long head = verify().get("headSequence").asLong();
    String forged = copyOf(id, head + 1);
    try {
      Reply refused = client.post("api/v1/decisions", DECIDER, request(account));
      assertIntegrityProblem(refused, forged);
      assertThat(refused.json().get("errorId").asText()).isNotBlank();
      JsonNode report = verify();
      assertThat(report.get("intact").asBoolean()).isFalse();
      assertThat(report.at("/firstBroken/subjectId").asText()).isEqualTo(forged);
      assertIntegrityProblem(client.get("api/v1/decisions/" + forged, AUDITOR), forged);
    } finally {
      client.send("DELETE", "api/v1/test-support/tamper/" + forged, null, null, null);
    }
    assertThat(client.post("api/v1/decisions", DECIDER, request(account)).status()).isEqualTo(201);
    assertThat(total("account=" + account)).isEqualTo(2);
    assertThat(verify().get("intact").asBoolean()).isTrue();
  }

  private String copyOf(String id, long sequence) {
    Reply r =
        client.post("api/v1/test-support/tamper/" + id + "/copy?sequence=" + sequence, null, "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static void assertIntegrityProblem(Reply r, String subject) {
    assertThat(r.status()).as(r.body()).isEqualTo(500);
    assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asText()).endsWith("audit-chain-integrity");
    assertThat(r.json().get("detail").asText()).contains(subject);
  }

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static void assertConsoleHeaders(Reply r) {
    assertThat(r.header("Content-Security-Policy")).as(r.raw().uri().toString()).isEqualTo(CSP);
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void console_isServedWithoutCredentials_withTheContentSecurityPolicy() {
    Reply index = client.get("console/index.html", null);
    assertThat(index.status()).as(index.body()).isEqualTo(200);
    assertThat(index.header("Content-Type")).startsWith("text/html");
    assertThat(index.body()).contains("<title>");
    assertConsoleHeaders(index);

    Reply slash = client.get("console/", null);
    assertThat(slash.status()).isEqualTo(200);
    assertThat(slash.body()).isEqualTo(index.body());
    assertConsoleHeaders(slash);

    // The container redirects a directory it knows of itself (301), ConsoleHeaders otherwise (302).
    Reply bare = client.get("console", null);
    assertThat(bare.status()).isBetween(301, 302);
    assertThat(bare.header("Location")).endsWith("/console/");
    Reply followed = client.get(URI.create(bare.header("Location")).getPath().substring(1), null);
    assertThat(followed.body()).isEqualTo(index.body());

    Reply missing = client.get("console/no-such-file.js", null);
    assertThat(missing.status()).isEqualTo(404);
    assertConsoleHeaders(missing);
    // the API's answers are not the console's: no CSP there
    assertThat(client.get("api/v1/me", AUDITOR).header("Content-Security-Policy")).isNull();
  }

  @Test
  void me_namesTheUserAndTheirRoles_forAnyAuthenticatedUser() {
    Reply auditor = client.get("api/v1/me", AUDITOR);
    assertThat(auditor.status()).as(auditor.body()).isEqualTo(200);
    assertThat(auditor.json().get("user").asText()).isEqualTo("auditor");
    assertThat(auditor.json().get("roles").toString()).isEqualTo("[\"auditor\"]");
    Reply lead = client.get("api/v1/me", LEAD);
    assertThat(lead.json().get("user").asText()).isEqualTo("lead");
    assertThat(lead.json().get("roles").toString()).isEqualTo("[\"approver\",\"author\"]");
    Reply none = client.get("api/v1/me", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void storedRequest_isTheRequestAsEvaluated_forWhatIfFromADecision() throws IOException {
    String account = newAccount();
    Reply decided = client.post("api/v1/decisions", DECIDER, request(account));
    assertThat(decided.status()).as(decided.body()).isEqualTo(201);
    String id = decided.json().get("id").asText();
    Reply stored = client.get("api/v1/decisions/" + id + "/request", AUDITOR);
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("decisionId").asText()).isEqualTo(id);
    // stored as the engine reads it: the canonical JSON of the parsed request
    JsonNode sent = Json.mapper().readTree(Json.canonical(RequestReader.read(request(account))));
    assertThat(stored.json().get("request")).isEqualTo(sent);
    assertThat(stored.json().at("/request/account/id").asText()).isEqualTo(account);
    assertThat(client.get("api/v1/decisions/" + id + "/request", "author:author-demo").status())
        .isEqualTo(403);
    assertThat(client.get("api/v1/decisions/no-such-id/request", AUDITOR).status()).isEqualTo(404);
  }

  @Test
  void theConsolesRequests_get401WithoutAChallenge_othersKeepIt() {
    String console = "fulcrum-console";
    Reply none = client.getWithHeader("api/v1/me", null, "X-Requested-With", console);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isNull();
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    Reply wrong = client.getWithHeader("api/v1/me", "auditor:wrong", "X-Requested-With", console);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("WWW-Authenticate")).isNull();
    assertThat(wrong.json().get("type").asText()).endsWith("/unauthenticated");
    Reply wrongElsewhere =
        client.getWithHeader("api/v1/me", "auditor:wrong", "X-Requested-With", "XMLHttpRequest");
    assertThat(wrongElsewhere.status()).isEqualTo(401);
    assertThat(wrongElsewhere.header("WWW-Authenticate")).isEqualTo("Basic realm=\"fulcrum\"");
    Reply signedIn = client.getWithHeader("api/v1/me", AUDITOR, "X-Requested-With", console);
    assertThat(signedIn.status()).isEqualTo(200);
  }

  @Test
  void security_refusesMissingCredentialsWrongPasswordsAndWrongRoles_andTouchesNothing() {
    String account = newAccount();
    Reply none = client.post("api/v1/decisions", null, request(account));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    assertThat(client.post("api/v1/decisions", "decider:wrong", request(account)).status())
        .isEqualTo(401);
    assertThat(client.post("api/v1/decisions", "nobody:decider-demo", request(account)).status())
        .isEqualTo(401);
    Reply wrongRole = client.post("api/v1/decisions", AUDITOR, request(account));
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(wrongRole.header("Content-Type")).startsWith("application/problem+json");
    assertThat(client.get("api/v1/audit/verify", DECIDER).status()).isEqualTo(403);
    assertThat(client.get("api/v1/decisions", DECIDER).status()).isEqualTo(403);
    assertThat(client.get("api/v1/decisions", "author:author-demo").status()).isEqualTo(403);
    assertThat(total("account=" + account)).isZero();
  }

  @Test
  void logins_unknownAndKnownNamesCostOneHashEach_andRepeatedFailuresGet429WithoutHashing() {
    // Unknown and known user names: the same answer, and each one password hash.
    long before = hashChecks();
    Reply unknown = client.get("api/v1/decisions?size=1", "nobody-" + UUID.randomUUID() + ":x");
    long afterUnknown = hashChecks();
    Reply known = client.get("api/v1/decisions?size=1", "approver:wrong-0");
    long afterKnown = hashChecks();
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(known.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(known.body());
    assertThat(afterUnknown - before).isEqualTo(1);
    assertThat(afterKnown - afterUnknown).isEqualTo(1);

    // approver (unused elsewhere in this class) reaches the per-user limit ...
    int limit = Integer.parseInt(probe()[1]);
    for (int i = 1; i < limit; i++) {
      assertThat(client.get("api/v1/decisions?size=1", "approver:wrong-" + i).status())
          .isEqualTo(401);
    }
    long atLimit = hashChecks();
    Reply refused = client.get("api/v1/decisions?size=1", "approver:wrong-again");
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    // ... then even the right password is refused, and no hash is computed for either.
    assertThat(client.get("api/v1/decisions?size=1", "approver:approver-demo").status())
        .isEqualTo(429);
    assertThat(hashChecks()).isEqualTo(atLimit);
    // Another user from the same address still gets in.
    assertThat(client.get("api/v1/decisions?size=1", AUDITOR).status()).isEqualTo(200);
  }

  private String[] probe() {
    return client.get("api/v1/test-support/auth", null).body().trim().split(" ");
  }

  private long hashChecks() {
    return Long.parseLong(probe()[0]);
  }

  @Test
  void badRequests_getProblemDetailsNamingTheField_andStoreNothing() {
    String account = newAccount();
    Reply malformed = client.post("api/v1/decisions", DECIDER, "{\"account\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
    assertThat(malformed.json().get("field").asText()).isEqualTo("(body)");

    Reply badField =
        client.post(
            "api/v1/decisions",
            DECIDER,
            request(account).replace("\"quantity\":\"4.4\"", "\"quantity\":\"four\""));
    assertThat(badField.status()).isEqualTo(400);
    assertThat(badField.json().get("field").asText()).isEqualTo("account.positions[0].quantity");

    Reply unknownPolicy =
        client.post("api/v1/decisions?policy=no-such-policy", DECIDER, request(account));
    assertThat(unknownPolicy.status()).isEqualTo(400);
    assertThat(unknownPolicy.json().get("field").asText()).isEqualTo("policy");
    assertThat(unknownPolicy.body()).doesNotContain("Exception");
    assertThat(total("account=" + account)).isZero();
  }

  @Test
  void whatIf_reportsMarginStatusAndLiquidationPrices_withItsAssumptions_andStoresNothing() {
    String account = newAccount();
    String body =
        "{\"request\": "
            + request(account)
            + ", \"orders\": ["
            + "{\"instrument\": \"BTCUSDT\", \"quantity\": \"1\", \"price\": \"61000\"}]}";
    Reply r = client.post("api/v1/what-if", DECIDER, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.at("/positions/0/quantityBefore").asText()).isEqualTo("4.4");
    assertThat(json.at("/positions/0/quantityAfter").asText()).isEqualTo("5.4");
    assertThat(new BigDecimal(json.at("/positions/0/liquidationPriceAfter").asText()))
        .isGreaterThan(new BigDecimal(json.at("/positions/0/liquidationPriceBefore").asText()));
    assertThat(json.at("/after/marginBalance").asText()).isEqualTo("17200");
    assertThat(json.get("assumptions").toString())
        .contains("fill completely")
        .contains("mark price fixed");

    Reply badOrder =
        client.post(
            "api/v1/what-if",
            DECIDER,
            body.replace("BTCUSDT\", \"quantity", "DOGEUSDT\", \"quantity"));
    assertThat(badOrder.status()).isEqualTo(400);
    assertThat(badOrder.json().get("field").asText()).isEqualTo("orders[0].instrument");
    assertThat(total("account=" + account)).isZero();
  }

  @Test
  void batch_storesEachGoodRequest_andReportsEachBadOneOnItsOwn() {
    String account = newAccount();
    String bad = request(account).replace("\"quantity\":\"4.4\"", "\"quantity\":\"0\"");
    String body =
        "{\"requests\": [" + request(account) + ", " + bad + ", " + request(account) + "]}";
    Reply r = client.post("api/v1/decisions/batch", DECIDER, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("stored").asInt()).isEqualTo(2);
    assertThat(r.json().at("/items/1/stored").asBoolean()).isFalse();
    assertThat(r.json().at("/items/1/field").asText())
        .startsWith("requests[1].account.positions[0]");
    assertThat(total("account=" + account)).isEqualTo(2);
  }

  @Test
  void concurrentClients_allStored_andTheChainStillVerifies() throws Exception {
    String account = newAccount();
    int clients = 8;
    int each = 20;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < clients * each; c++) {
        results.add(
            pool.submit(() -> client.post("api/v1/decisions", DECIDER, request(account)).status()));
      }
      // Verifying while decisions are appended must not mistake them for rows above the head.
      while (!results.get(results.size() - 1).isDone()) {
        JsonNode during = verify();
        assertThat(during.get("intact").asBoolean()).as(during.toString()).isTrue();
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(total("account=" + account)).isEqualTo(clients * each);
    JsonNode report = verify();
    assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
  }

  @Test
  void databaseAndContainerErrors_areProblemJsonWithAnErrorId_andNoRequestDataIsLogged()
      throws Exception {
    String marker = "LOGMARK" + UUID.randomUUID().toString().replace("-", "");
    Reply stored = client.post("api/v1/decisions", DECIDER, request(marker + "-ok"));
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);

    // Both reached the database before (an HTML 500 on PostgreSQL): the reader refuses them now,
    // naming the field; the database's own refusals are exercised by the test-support paths below.
    Reply overLong =
        client.post("api/v1/decisions", DECIDER, request(marker + "-" + "x".repeat(300)));
    assertThat(overLong.status()).as(overLong.body()).isEqualTo(400);
    assertProblem(overLong);
    assertThat(overLong.body()).contains("account.id");
    Reply nul = client.post("api/v1/decisions", DECIDER, request(marker + "\0nul"));
    assertThat(nul.status()).as(nul.body()).isEqualTo(400);
    assertProblem(nul);
    assertThat(nul.body()).contains("account.id", "control character");

    Reply query = client.post("api/v1/test-support/fail/query?value=" + marker, null, "");
    assertProblem(query);
    assertThat(query.status()).isEqualTo(500);
    assertThat(query.json().get("type").asText()).endsWith("/database-error");
    Reply commit = client.post("api/v1/test-support/fail/commit?value=" + marker, null, "");
    assertProblem(commit);
    assertThat(commit.json().get("type").asText()).endsWith("/database-error");
    Reply servlet = client.get("test-support/failing-servlet?value=" + marker, null);
    assertProblem(servlet);
    assertThat(servlet.status()).isEqualTo(500);
    Reply unknownPath = client.get("no-such-page", null);
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.header("Content-Type")).startsWith("application/problem+json");

    String lastErrorId = servlet.json().get("errorId").asText();
    String log = ServerLog.waitFor(lastErrorId);
    assertThat(log).contains(query.json().get("errorId").asText());
    assertThat(log).as("the server log quotes request data").doesNotContain(marker);
  }

  @Test
  void bodiesOverTheLimit_areRefusedWith413_beforeBeingRead() {
    String account = newAccount();
    String padded = "{" + " ".repeat(1024 * 1024 + 1) + request(account).substring(1);
    Reply big = new ServiceClient(deployed).post("api/v1/decisions", DECIDER, padded);
    assertThat(big.status()).as(big.body()).isEqualTo(413);
    assertThat(big.header("Content-Type")).startsWith("application/problem+json");
    assertThat(big.json().get("detail").asText()).contains("limit of 1048576 bytes");

    // Without a Content-Length (chunked), the count stops it.
    Reply chunked =
        new ServiceClient(deployed)
            .sendStreamed(
                "POST",
                "api/v1/decisions",
                DECIDER,
                "application/json",
                padded.getBytes(StandardCharsets.UTF_8));
    assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
    assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");
    assertThat(total("account=" + account)).isZero();

    // A batch may be larger than one decision.
    Reply batch =
        new ServiceClient(deployed)
            .post("api/v1/decisions/batch", DECIDER, "{\"requests\": [" + padded + "]}");
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    assertThat(total("account=" + account)).isEqualTo(1);
  }

  private static void assertProblem(Reply r) {
    assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
    assertThat(r.body()).doesNotContain("<html").doesNotContain("Exception");
    if (r.status() >= 500) {
      assertThat(r.json().get("errorId").asText()).as(r.body()).isNotBlank();
    }
  }

  @Test
  void server_runsUnderTheTestLocaleAndTimeZone_asTheUnitTestsDo() {
    // it.jvm in policy-admin/pom.xml passes the parent's test.locale to the Payara JVM.
    assertThat(client.get("api/v1/test-support/jvm", null).body()).isEqualTo("de-DE Asia/Kolkata");
  }

  @Test
  void healthOpenApiAndReadiness_areServed() {
    assertThat(client.get("health/ready", null).body()).contains("\"UP\"").contains("activePolicy");
    assertThat(client.get("openapi", null).body())
        .contains("/api/v1/decisions")
        .contains("/api/v1/what-if");
  }

  @Test
  void callerErrors_are400NamingTheField_andChangeNothing() {
    String account = newAccount();
    Reply badRef = client.post("api/v1/decisions?policy=Not%20A%20Ref", DECIDER, request(account));
    assertFieldProblem(badRef, "invalid-parameter", "policy");
    assertFieldProblem(
        client.get("api/v1/decisions?size=500", AUDITOR), "invalid-parameter", "size");
    assertFieldProblem(
        client.get("api/v1/decisions?page=-1", AUDITOR), "invalid-parameter", "page");
    Reply noOrders =
        client.post("api/v1/what-if", DECIDER, "{\"request\": " + request(account) + "}");
    assertFieldProblem(noOrders, "invalid-request", "orders");
    assertThat(noOrders.json().get("detail").asText()).contains("orders must be an array");
    Reply badNested =
        client.post(
            "api/v1/what-if",
            DECIDER,
            "{\"request\": "
                + request(account).replace("\"quantity\":\"4.4\"", "\"quantity\":\"four\"")
                + ", \"orders\": []}");
    assertFieldProblem(badNested, "invalid-request", "request.account.positions[0].quantity");
    assertFieldProblem(
        client.post("api/v1/decisions/batch", DECIDER, "{\"requests\": []}"),
        "invalid-request",
        "requests");
    // lead is author and approver; approver's logins are spent by the login-limit test
    assertFieldProblem(
        client.post("api/v1/policies/tiered-perps/versions/3/approve", LEAD, "{}"),
        "invalid-parameter",
        "comment");
    assertFieldProblem(
        client.post(
            "api/v1/policies/tiered-perps/versions/3/approve",
            LEAD,
            "{\"comment\": \"x\", \"by\": 1}"),
        "invalid-request",
        "by");
    Reply negative =
        client.send(
            "PUT",
            "api/v1/policies/active/shadow",
            LEAD,
            "application/json",
            "{\"policy\": \"tiered-perps@3\", \"tolerance\": \"-1\", \"reason\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertFieldProblem(negative, "invalid-parameter", "tolerance");
    assertThat(client.get("api/v1/policies/active", AUDITOR).json().has("shadow")).isFalse();
    assertThat(total("account=" + account)).isZero();
  }

  @Test
  void engineInternalErrors_are500WithAnErrorId_andNoInternalMessage() throws Exception {
    String marker = "INTERNAL" + UUID.randomUUID().toString().replace("-", "");
    Reply argument = client.post("api/v1/test-support/fail/engine?value=" + marker, null, "");
    Reply state = client.post("api/v1/test-support/fail/state?value=" + marker, null, "");
    for (Reply r : List.of(argument, state)) {
      assertThat(r.status()).as(r.body()).isEqualTo(500);
      assertProblem(r);
      assertThat(r.body()).doesNotContain(marker).doesNotContain("policy id must be");
    }
    String log = ServerLog.waitFor(state.json().get("errorId").asText());
    assertThat(log).contains(argument.json().get("errorId").asText());
  }

  /**
   * Every operation of the served document (but the test deployment's test-support paths) has a
   * schema for each request and 2xx response body, JSON ones with properties or a resolving $ref,
   * and problem+json error answers.
   */
  @Test
  void openApi_documentsEveryRequestAndResponseSchema() {
    Reply r = client.get("openapi?format=JSON", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode doc = r.json();
    JsonNode schemas = doc.at("/components/schemas");
    assertThat(schemas.fieldNames())
        .toIterable()
        .contains(
            "MarginRequest",
            "MarginDecision",
            "DecisionResponse",
            "ReviewRequest",
            "ActivationRequest",
            "RollbackRequest",
            "ShadowRequest",
            "WhatIfRequest",
            "WhatIfResult",
            "BatchRequest",
            "ChainReport",
            "CurrentUser",
            "PolicyTables",
            "PolicyEventPage",
            "StoredRequest",
            "Problem");
    List<String> checked = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (path.getKey().contains("test-support")) {
                return;
              }
              path.getValue()
                  .fields()
                  .forEachRemaining(
                      op -> {
                        if (!op.getValue().has("responses")) {
                          return;
                        }
                        String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                        op.getValue()
                            .path("requestBody")
                            .path("content")
                            .fields()
                            .forEachRemaining(
                                c ->
                                    assertDocumented(
                                        schemas,
                                        c.getValue().get("schema"),
                                        c.getKey(),
                                        where + " request"));
                        boolean success = false;
                        for (var it = op.getValue().get("responses").fields(); it.hasNext(); ) {
                          var response = it.next();
                          if (response.getKey().startsWith("2")) {
                            success = true;
                            assertThat(response.getValue().path("content").size())
                                .as(where + " " + response.getKey() + " has content")
                                .isPositive();
                            response
                                .getValue()
                                .path("content")
                                .fields()
                                .forEachRemaining(
                                    c ->
                                        assertDocumented(
                                            schemas,
                                            c.getValue().get("schema"),
                                            c.getKey(),
                                            where + " " + response.getKey()));
                          }
                        }
                        assertThat(success).as(where + " has a 2xx answer").isTrue();
                        for (String code : List.of("400", "500")) {
                          assertThat(
                                  op.getValue()
                                      .at("/responses/" + code + "/content")
                                      .path("application/problem+json")
                                      .at("/schema/$ref")
                                      .asText())
                              .as(where + " " + code)
                              .isEqualTo("#/components/schemas/Problem");
                        }
                        checked.add(where);
                      });
            });
    assertThat(checked)
        .contains(
            "POST /api/v1/decisions",
            "GET /api/v1/audit/verify",
            "GET /api/v1/me",
            "GET /api/v1/decisions/{id}/request",
            "GET /api/v1/policies/events",
            "GET /api/v1/policies/{id}/versions/{version}/tables",
            "GET /api/v1/policies/{id}/versions/{version}/files/{path}");
    assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    assertThat(
            doc.at(
                    "/paths/~1api~1v1~1decisions/post/requestBody/content/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/MarginRequest");
    assertThat(schemas.at("/DecisionResponse/properties/decision/$ref").asText())
        .isEqualTo("#/components/schemas/MarginDecision");
  }

  /** JSON bodies: an object with properties, an array of such, or a $ref to one; others typed. */
  private static void assertDocumented(
      JsonNode schemas, JsonNode schema, String mediaType, String where) {
    assertThat(schema).as(where + " " + mediaType + " has a schema").isNotNull();
    if (!mediaType.contains("json")) {
      assertThat(schema.path("type").asText()).as(where + " " + mediaType).isNotEmpty();
      return;
    }
    assertObjectSchema(schemas, schema, where + " " + mediaType, 0);
  }

  private static void assertObjectSchema(
      JsonNode schemas, JsonNode schema, String where, int depth) {
    assertThat(depth).as(where + ": $ref chain too long").isLessThan(8);
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      assertThat(ref).as(where).startsWith("#/components/schemas/");
      JsonNode target = schemas.get(ref.substring("#/components/schemas/".length()));
      assertThat(target).as(where + ": " + ref + " resolves").isNotNull();
      assertObjectSchema(schemas, target, where + " -> " + ref, depth + 1);
    } else if (schema.has("oneOf")) {
      for (JsonNode alternative : schema.get("oneOf")) {
        assertObjectSchema(schemas, alternative, where + " oneOf", depth + 1);
      }
    } else if ("array".equals(schema.path("type").asText())) {
      assertObjectSchema(schemas, schema.get("items"), where + "[]", depth + 1);
    } else {
      assertThat(schema.path("properties").size()).as(where + " has properties").isPositive();
    }
  }

  @Test
  void metrics_showTheDecisionTimerAndTheActiveVersion() {
    Reply decided = client.post("api/v1/decisions", DECIDER, request(newAccount()));
    assertThat(decided.status()).as(decided.body()).isEqualTo(201);
    String version = decided.json().at("/decision/policy/version").asText();
    String hash = decided.json().at("/decision/policy/hash").asText();

    Reply metrics = client.get("metrics", null);
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    assertThat(sample(metrics.body(), "fulcrum_decision_duration_microseconds_count", ""))
        .isGreaterThanOrEqualTo(1);
    // every figure of a duration in one unit: its quantiles lie between 0 and its max
    double max = sample(metrics.body(), "fulcrum_decision_duration_microseconds_max", "");
    assertThat(max).isPositive();
    assertThat(
            sample(metrics.body(), "fulcrum_decision_duration_microseconds", "quantile=\"0.999\""))
        .isPositive()
        .isLessThanOrEqualTo(max);
    assertThat(sample(metrics.body(), "fulcrum_decision_duration_microseconds_sum", ""))
        .isGreaterThanOrEqualTo(max);
    assertThat(sample(metrics.body(), "fulcrum_audit_group_size_count", ""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                metrics.body(),
                "fulcrum_policy_active",
                "policy=\"tiered-perps\",version=\"" + version + "\""))
        .isEqualTo(1);
    assertThat(sample(metrics.body(), "fulcrum_policy_active", "version=\"1\"")).isZero();
    assertThat(metrics.body()).contains("bundleHash=\"" + hash + "\"");
  }

  /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
  private static double sample(String exposition, String name, String labels) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(labels)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no sample " + name + " {" + labels + "} in:\n" + exposition);
  }

  private static void assertFieldProblem(Reply r, String type, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asText()).as(r.body()).endsWith("/" + type);
    assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
  }

  private JsonNode verify() {
    Reply r = client.get("api/v1/audit/verify", AUDITOR);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private long total(String query) {
    Reply r = client.get("api/v1/decisions?size=1&" + query, AUDITOR);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("total").asLong();
  }

  static String newAccount() {
    return "acc-" + UUID.randomUUID();
  }

  /** The shipped example request (isolated BTC long) for {@code account}. */
  static String request(String account) {
    try (InputStream in =
        DecisionServiceContract.class.getResourceAsStream("/requests/btc-isolated-long.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ObjectNode tree = (ObjectNode) Json.mapper().readTree(json);
      ((ObjectNode) tree.get("account")).put("id", account);
      return Json.canonical(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
