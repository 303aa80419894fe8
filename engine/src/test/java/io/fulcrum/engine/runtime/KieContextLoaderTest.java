package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drools looks parts up lazily through the context class loader of the thread that needs them
 * first, and keeps a failed lookup of MVEL's jitting executor for the life of the JVM
 * (MarginEngine.evaluate). The decision service met it twice: a coverage backtest on the common
 * fork-join pool, and a cluster reload on a container thread, after which every decision of that
 * JVM answered 500. Needs a fresh JVM (this one's lookups may already be done), so it runs {@link
 * KieContextLoaderProbe} in one.
 */
class KieContextLoaderTest {

  @Test
  void rulesJittedFirstOnAThreadWithoutTheKieJarsInItsContextLoader_stillDecide() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    KieContextLoaderProbe.class.getName(),
                    Path.of("..", "rules").toString()))
            .redirectErrorStream(true)
            .start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("the probe ended within 120 s").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("400 decisions on a thread without the KIE jars");
  }
}
