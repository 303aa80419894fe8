package io.fulcrum.engine.runtime;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run by {@link KieContextLoaderTest} in a fresh JVM: compiles tiered-perps@1 on the main thread,
 * then decides 400 accounts on a thread whose context class loader sees only the JDK (as a common
 * fork-join pool thread in the decision service does), enough for Drools to jit its MVEL
 * constraints there. Prints the first failure and exits 1, or exits 0.
 */
public final class KieContextLoaderProbe {

  private KieContextLoaderProbe() {}

  public static void main(String[] args) throws Exception {
    CompiledPolicy policy =
        MarginEngine.over(PolicyLibrary.at(Path.of(args[0])))
            .policy(PolicyRef.parse("tiered-perps@1"));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread decider =
        new Thread(
            () -> {
              for (int i = 0; i < 400 && failure.get() == null; i++) {
                try {
                  MarginEngine.decide(
                      policy,
                      RuleSessionReuseTest.request("a" + i, String.valueOf(100 + i)),
                      false);
                  if (i % 50 == 0) {
                    Thread.sleep(50); // the jitting runs on Drools' executor: let it happen
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              }
            });
    decider.setContextClassLoader(new URLClassLoader(new URL[0], null));
    decider.start();
    decider.join();
    if (failure.get() != null) {
      failure.get().printStackTrace(System.out);
      System.exit(1);
    }
    System.out.println("400 decisions on a thread without the KIE jars in its context loader");
  }
}
