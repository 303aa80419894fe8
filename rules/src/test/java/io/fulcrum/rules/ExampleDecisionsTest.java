package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden decisions in examples/decisions/ are still what the engine decides, byte for byte,
 * JSON and text: released versions decide as they did (the JSON of the version-1 files was written
 * before flags and setter notifications existed, and the tiered-perps ones gained the bankruptcy
 * price, which changed no other figure; the text follows the renderer and each change is reviewed).
 * Files are named {@code <request>.<policy>-<version>.json|.txt}; they are never rewritten by a
 * test.
 */
class ExampleDecisionsTest {

  private static final Path EXAMPLES = Path.of("../examples");

  @Test
  void everyGoldenDecision_isDecidedByteForByte() throws Exception {
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
      MarginDecision d =
          ShippedPolicies.ENGINE.decide(
              ref,
              RequestReader.read(
                  Files.readString(EXAMPLES.resolve(request + ".json"), StandardCharsets.UTF_8)),
              true);
      assertThat(Json.pretty(d) + "\n").as(name).isEqualTo(Files.readString(json));
      Path text = json.resolveSibling(name.replace(".json", ".txt"));
      // The CLI prints the rendering with println.
      assertThat(ExplanationText.render(d, ShippedPolicies.ENGINE.policy(ref).manifest()) + "\n")
          .as(text.toString())
          .isEqualTo(Files.readString(text));
    }
  }
}
