package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.scenarios.generate.BookGenerator;
import io.fulcrum.scenarios.generate.GeneratorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A scenario suite: accounts (written and generated), market states (a base snapshot plus named
 * shocks) and expectations per account and market state. The file format is what {@link
 * SuiteLoader} accepts (described in {@code test-scenarios/README.md}).
 *
 * @param policy the policy id the suite is written for, or empty for a policy-neutral book
 * @param versions the versions of that policy the build runs the suite against
 */
public record Suite(
    Path source,
    String name,
    String description,
    Optional<String> policy,
    List<String> versions,
    MarketSnapshot baseMarket,
    List<MarketState> marketStates,
    List<Account> accounts,
    Optional<GeneratorSpec> generator,
    List<Expectation> expectations) {

  public Suite {
    versions = List.copyOf(versions);
    marketStates = List.copyOf(marketStates);
    accounts = List.copyOf(accounts);
    expectations = List.copyOf(expectations);
  }

  public Book book() {
    return new Book(accounts, generator.map(spec -> new BookGenerator(spec, baseMarket)));
  }

  /** This suite with {@code count} generated accounts (a generator section is required). */
  public Suite withGenerated(int count) {
    GeneratorSpec spec =
        generator.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "suite "
                        + source
                        + " has no 'generate' section, so it cannot generate "
                        + count
                        + " accounts"));
    return new Suite(
        source,
        name,
        description,
        policy,
        versions,
        baseMarket,
        marketStates,
        accounts,
        Optional.of(spec.withCount(count)),
        expectations);
  }

  /** The snapshot of every market state, in suite order. */
  public List<MarketSnapshot> snapshots() {
    return marketStates.stream().map(s -> s.shock().applyTo(baseMarket)).toList();
  }
}
