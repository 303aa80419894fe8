package io.fulcrum.admin.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.cluster.ImpactPartition.Range;
import io.fulcrum.admin.application.cluster.ImpactPartition.Reply;
import io.fulcrum.admin.application.evidence.ScenarioFiles;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactCells;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's side of a distributed impact over a fake data grid: members that answer (their
 * cells through JSON, as on the grid), one that dies, one that never takes its range, one that
 * fails; the merged result equals the single run byte for byte, and no range is lost or waited for
 * beyond the timeouts. The real grid is exercised by cluster/cluster-test.sh.
 */
class ImpactPartitionTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ScenarioFiles FILES = ScenarioFiles.at(ROOT.resolve("test-scenarios"));
  static final MarginEngine ENGINE = MarginEngine.over(PolicyLibrary.at(ROOT.resolve("rules")));
  static final Suite BOOK =
      new SuiteLoader(FILES.stressLibrary().resolver())
          .load(FILES.book("perps-book.yaml"))
          .withGenerated(900);
  static final CompiledPolicy V1 = ENGINE.policy(PolicyRef.parse("tiered-perps@1"));
  static final CompiledPolicy V2 = ENGINE.policy(PolicyRef.parse("tiered-perps@2"));
  static final ImpactRunner RUNNER = new ImpactRunner(2, 100);
  static final int STATES = BOOK.marketStates().size();
  static final ImpactPartition.Timeouts FAST =
      new ImpactPartition.Timeouts(
          Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofMillis(10));

  static List<CellImpact> compute(Range r) {
    return RUNNER.cells(BOOK, V1, V2, r.from(), r.to(), Progress.silent());
  }

  /** A grid where each member behaves as {@code behaviour} says: answer, die, ignore or fail. */
  static final class FakeGrid implements ImpactPartition.Transport {
    final Map<String, String> behaviour;
    final Map<Integer, Reply> replies = new ConcurrentHashMap<>();
    final Map<Integer, Boolean> taken = new ConcurrentHashMap<>();
    final Map<String, Boolean> dead = new ConcurrentHashMap<>();
    final ExecutorService members = Executors.newFixedThreadPool(2);

    FakeGrid(Map<String, String> behaviour) {
      this.behaviour = behaviour;
    }

    @Override
    public void send(Range r) {
      switch (behaviour.get(r.member())) {
        case "answers" -> {
          taken.put(r.index(), true);
          members.execute(
              () -> {
                String json = ImpactCells.toJson(compute(r));
                replies.put(
                    r.index(), new Reply(r.member(), 0.1, null, ImpactCells.fromJson(json)));
              });
        }
        case "dies" -> {
          taken.put(r.index(), true);
          dead.put(r.member(), true);
        }
        case "fails" -> {
          taken.put(r.index(), true);
          replies.put(r.index(), new Reply(r.member(), 0.1, "out of memory", null));
        }
        case "sends-too-few" -> {
          taken.put(r.index(), true);
          List<CellImpact> cells = compute(r);
          replies.put(
              r.index(), new Reply(r.member(), 0.1, null, cells.subList(0, cells.size() - 1)));
        }
        case "unreachable" -> throw new IllegalStateException("no route");
        default -> {} // "ignores": the message was lost
      }
    }

    @Override
    public boolean started(Range r) {
      return taken.containsKey(r.index());
    }

    @Override
    public Optional<Reply> reply(Range r) {
      return Optional.ofNullable(replies.get(r.index()));
    }

    @Override
    public boolean alive(String member) {
      return !dead.containsKey(member);
    }
  }

  static String report(List<ImpactPartition.Outcome> outcomes) {
    List<CellImpact> cells = new ArrayList<>();
    outcomes.forEach(o -> cells.addAll(o.cells()));
    return DistributedImpact.report(RUNNER.assemble(BOOK, V1, V2, cells, 0));
  }

  @Test
  void membersThatAnswer_giveTheSingleRunByteForByte() {
    String single = DistributedImpact.report(RUNNER.run(BOOK, V1, V2, Progress.silent()));
    FakeGrid grid = new FakeGrid(Map.of("a", "answers", "b", "answers", "c", "answers"));
    List<Range> ranges = ImpactPartition.split(900, List.of("a", "b", "c"), 200);

    List<ImpactPartition.Outcome> out =
        ImpactPartition.run(ranges, "a", STATES, grid, ImpactPartitionTest::compute, FAST);

    assertThat(report(out)).isEqualTo(single);
    assertThat(out).extracting(o -> o.range().index()).containsExactly(0, 1, 2, 3, 4);
    assertThat(out)
        .extracting(ImpactPartition.Outcome::computedBy)
        .containsExactly("a", "b", "c", "a", "b");
    assertThat(out).allMatch(o -> o.note() == null);
  }

  @Test
  void aMemberThatDiesIgnoresFailsOrIsUnreachable_hasItsRangesRecomputedByTheCoordinator() {
    String single = DistributedImpact.report(RUNNER.run(BOOK, V1, V2, Progress.silent()));
    FakeGrid grid =
        new FakeGrid(
            Map.of(
                "b", "answers",
                "c", "dies",
                "d", "ignores",
                "e", "fails",
                "f", "sends-too-few",
                "g", "unreachable"));
    List<String> members = List.of("a", "b", "c", "d", "e", "f", "g");
    List<Range> ranges = ImpactPartition.split(900, members, 5000);
    long t = System.nanoTime();

    List<ImpactPartition.Outcome> out =
        ImpactPartition.run(ranges, "a", STATES, grid, ImpactPartitionTest::compute, FAST);

    assertThat(report(out)).isEqualTo(single);
    assertThat(out)
        .extracting(ImpactPartition.Outcome::computedBy)
        .containsExactly("a", "b", "a", "a", "a", "a", "a");
    assertThat(out.get(2).note())
        .isEqualTo("recomputed by the coordinator: its member left the cluster");
    assertThat(out.get(3).note())
        .isEqualTo("recomputed by the coordinator: its member did not take it within PT0.3S");
    assertThat(out.get(4).note())
        .isEqualTo("recomputed by the coordinator: its member failed: out of memory");
    assertThat(out.get(5).note())
        .startsWith("recomputed by the coordinator: its member sent 644 cells for 645");
    assertThat(out.get(6).note())
        .isEqualTo("recomputed by the coordinator: could not be sent: no route");
    // bounded: the lost ranges are not waited for beyond the start timeout (plus computing them)
    assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void split_coversTheBookInContiguousBalancedRanges() {
    List<Range> r = ImpactPartition.split(10_001, List.of("a", "b", "c"), 5000);
    assertThat(r).hasSize(3);
    assertThat(r).extracting(Range::from).containsExactly(0, 3333, 6667);
    assertThat(r).extracting(Range::to).containsExactly(3333, 6667, 10_001);
    assertThat(ImpactPartition.split(12_000, List.of("a", "b"), 5000))
        .extracting(x -> x.member() + ":" + x.from() + "-" + x.to())
        .containsExactly("a:0-4000", "b:4000-8000", "a:8000-12000");
    // fewer accounts than members: no empty ranges
    assertThat(ImpactPartition.split(2, List.of("a", "b", "c"), 5000))
        .extracting(x -> x.member() + ":" + x.from() + "-" + x.to())
        .containsExactly("a:0-1", "b:1-2");
    Function<Integer, Integer> covered =
        n ->
            ImpactPartition.split(n, List.of("a", "b", "c"), 7).stream()
                .mapToInt(Range::accounts)
                .sum();
    assertThat(List.of(1, 7, 8, 100, 1001)).allMatch(n -> covered.apply(n).equals(n));
  }
}
