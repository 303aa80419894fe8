package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.json.DecisionJson;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.support.Sha256;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The direct decision writer ({@link DecisionJson}, issue #14) writes the bytes Jackson writes: on
 * every golden decision and on 1,000 decisions of the shipped policies over generated requests (the
 * example requests with their amounts, prices, quantities and leverages scaled at random, so that
 * statuses, flags, liquidation moves and table rows vary), explained and not, the canonical bytes
 * and the hash agree with Jackson's databind output. About 5 s.
 */
class DecisionJsonAgreementTest {

  private static final Path EXAMPLES = Path.of("../examples");

  private static void assertAgrees(MarginDecision d, String what) {
    assertAgrees(d, what, true);
  }

  /**
   * @param direct whether the direct writer must write it itself (a decision read back from JSON
   *     holds insertion-ordered maps, which go to the Jackson fallback)
   */
  private static void assertAgrees(MarginDecision d, String what, boolean direct) {
    long fallbacks = DecisionJson.fallbacks();
    String jackson = Json.canonical(d);
    assertThat(new String(DecisionJson.canonicalBytes(d), StandardCharsets.UTF_8))
        .as(what)
        .isEqualTo(jackson);
    // How the engine hashed a decision before the direct writer: Jackson streamed into the digest.
    String jacksonHash =
        Sha256.hexOfWritten(
            o -> Json.mapper().writerFor(MarginDecision.class).writeValue(o, d.withHash(null)));
    assertThat(DecisionJson.hash(d)).as(what).isEqualTo(jacksonHash);
    assertThat(d.decisionHash()).as(what).isEqualTo(jacksonHash);
    // Written by the direct writer itself, not by its Jackson fallback (that would cost both).
    if (direct) {
      assertThat(DecisionJson.fallbacks()).as(what + ": fallbacks").isEqualTo(fallbacks);
    }
  }

  @Test
  void everyGoldenDecision_isWrittenAsJacksonWritesIt() throws Exception {
    List<Path> golden;
    try (var files = Files.list(EXAMPLES.resolve("decisions"))) {
      golden = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(golden).hasSize(8);
    for (Path json : golden) {
      String name = json.getFileName().toString();
      String request = name.substring(0, name.indexOf('.'));
      String policy = name.substring(name.indexOf('.') + 1, name.length() - ".json".length());
      int dash = policy.lastIndexOf('-');
      PolicyRef ref = PolicyRef.of(policy.substring(0, dash), policy.substring(dash + 1));
      for (boolean explain : new boolean[] {true, false}) {
        MarginDecision d =
            ShippedPolicies.ENGINE.decide(
                ref,
                RequestReader.read(Files.readString(EXAMPLES.resolve(request + ".json"))),
                explain);
        assertAgrees(d, name + " explain=" + explain);
      }
      // The stored golden file is Jackson's pretty output of the same decision.
      MarginDecision stored = Json.mapper().readValue(json.toFile(), MarginDecision.class);
      assertAgrees(stored, name + " as stored", false);
    }
  }

  @Test
  void thousandGeneratedDecisions_areWrittenAsJacksonWritesThem() throws Exception {
    record Case(String request, PolicyRef ref) {}
    List<Case> cases = new ArrayList<>();
    try (var files = Files.list(EXAMPLES.resolve("decisions"))) {
      for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = json.getFileName().toString();
        String policy = name.substring(name.indexOf('.') + 1, name.length() - ".json".length());
        int dash = policy.lastIndexOf('-');
        cases.add(
            new Case(
                name.substring(0, name.indexOf('.')),
                PolicyRef.of(policy.substring(0, dash), policy.substring(dash + 1))));
      }
    }
    SplittableRandom random = new SplittableRandom(14);
    int decided = 0;
    java.util.Set<String> statuses = new java.util.TreeSet<>();
    for (int i = 0; decided < 1_000 && i < 5_000; i++) {
      Case c = cases.get(i % cases.size());
      ObjectNode tree =
          (ObjectNode) Json.mapper().readTree(EXAMPLES.resolve(c.request() + ".json").toFile());
      scale((ObjectNode) tree.get("account"), random);
      scale((ObjectNode) tree.get("market"), random);
      MarginDecision d;
      try {
        d =
            ShippedPolicies.ENGINE.decide(
                c.ref(), RequestReader.read(Json.canonical(tree)), i % 3 != 0);
      } catch (RuntimeException refused) {
        continue; // a scaled request the policy refuses (e.g. leverage above its limit)
      }
      assertAgrees(d, c.request() + " " + c.ref() + " #" + i);
      statuses.add(d.status().name());
      decided++;
    }
    assertThat(decided).isEqualTo(1_000);
    assertThat(statuses).contains("OK", "LIQUIDATE");
  }

  /** Every decimal text field below {@code node} scaled by a random factor in [0.25, 3). */
  private static void scale(ObjectNode node, SplittableRandom random) {
    if (node == null) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
    fields.forEachRemaining(all::add);
    for (Map.Entry<String, JsonNode> e : all) {
      JsonNode v = e.getValue();
      if (v.isObject()) {
        scale((ObjectNode) v, random);
      } else if (v.isArray()) {
        v.forEach(
            item -> {
              if (item.isObject()) {
                scale((ObjectNode) item, random);
              }
            });
      } else if (v.isTextual()
          && v.asText().matches("-?\\d+(\\.\\d+)?")
          && !e.getKey().equals("contractSize")) {
        BigDecimal factor =
            BigDecimal.valueOf(0.25 + random.nextDouble() * 2.75).setScale(3, RoundingMode.HALF_UP);
        BigDecimal scaled = new BigDecimal(v.asText()).multiply(factor);
        if (e.getKey().equals("leverage")) {
          scaled = scaled.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
        }
        node.set(e.getKey(), TextNode.valueOf(scaled.stripTrailingZeros().toPlainString()));
      }
    }
  }
}
