package io.fulcrum.rules;

import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runs() throws Exception {
    MarginEngine engine = MarginEngine.over(PolicyLibrary.at(Path.of(".").toAbsolutePath()));
    var req = RequestReader.read(Files.readString(Path.of("src/test/resources/requests/btc-isolated-long.json")));
    System.out.println(ExplanationText.render(engine.decide(PolicyRef.parse("tiered-perps@1"), req, true)));
  }
}
