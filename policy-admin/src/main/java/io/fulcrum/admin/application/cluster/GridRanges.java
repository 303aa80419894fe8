package io.fulcrum.admin.application.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.fulcrum.admin.application.cluster.DistributedImpact.Header;
import io.fulcrum.admin.application.cluster.DistributedImpact.RangeTask;
import io.fulcrum.engine.json.Json;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactCells;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data grid as {@link ImpactPartition} uses it for one run: ranges published as JSON text on
 * the topic {@value DistributedImpact#TASKS}, answers read from the map {@value
 * DistributedImpact#RESULTS}, "taken" marks from {@value DistributedImpact#STARTED}, members from
 * the cluster's member list (see {@link DistributedImpact} for why only strings).
 */
final class GridRanges implements ImpactPartition.Transport {
  private final HazelcastInstance grid;
  private final String run;
  private final RangeTask template;
  private final IMap<String, String> results;
  private final IMap<String, String> started;

  GridRanges(HazelcastInstance grid, String run, RangeTask template) {
    this.grid = grid;
    this.run = run;
    this.template = template;
    this.results = grid.getMap(DistributedImpact.RESULTS);
    this.started = grid.getMap(DistributedImpact.STARTED);
  }

  private String key(ImpactPartition.Range r) {
    return run + "/" + r.index();
  }

  @Override
  public void send(ImpactPartition.Range r) {
    RangeTask t = template;
    grid.<String>getTopic(DistributedImpact.TASKS)
        .publish(
            Json.canonical(
                new RangeTask(
                    run,
                    r.index(),
                    r.from(),
                    r.to(),
                    r.member(),
                    t.book(),
                    t.generate(),
                    t.inputsHash(),
                    t.baseline(),
                    t.baselineHash(),
                    t.candidate(),
                    t.candidateHash())));
  }

  @Override
  public boolean started(ImpactPartition.Range r) {
    return started.containsKey(key(r));
  }

  @Override
  public Optional<ImpactPartition.Reply> reply(ImpactPartition.Range r) {
    String answer = results.get(key(r));
    if (answer == null) {
      return Optional.empty();
    }
    int nl = answer.indexOf('\n');
    try {
      Header h = Json.mapper().readValue(answer.substring(0, nl), Header.class);
      List<CellImpact> cells =
          h.error() == null ? ImpactCells.fromJson(answer.substring(nl + 1)) : null;
      return Optional.of(new ImpactPartition.Reply(h.member(), h.seconds(), h.error(), cells));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.of(
          new ImpactPartition.Reply("?", 0, "unreadable answer: " + e.getMessage(), null));
    }
  }

  @Override
  public boolean alive(String member) {
    Set<String> live =
        grid.getCluster().getMembers().stream()
            .map(m -> m.getUuid().toString())
            .collect(Collectors.toSet());
    return live.contains(member);
  }

  /** Removes the run's entries (answers left by a member after a recompute expire by TTL). */
  void clear(List<ImpactPartition.Range> ranges) {
    for (ImpactPartition.Range r : ranges) {
      results.delete(key(r));
      started.delete(key(r));
    }
  }
}
