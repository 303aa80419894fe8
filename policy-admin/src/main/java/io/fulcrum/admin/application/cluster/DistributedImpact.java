package io.fulcrum.admin.application.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.MarketData;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.PolicyVersionNotFound;
import io.fulcrum.admin.application.evidence.EvidenceRuns;
import io.fulcrum.admin.application.evidence.EvidenceService;
import io.fulcrum.admin.application.evidence.ScenarioFiles;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.support.Sha256;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactCells;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.run.ParallelGrid;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Impact of a candidate version over a book, with the book's accounts partitioned across the live
 * cluster members (README, "Cluster"): the coordinator (the member the request came to) splits the
 * account range ({@link ImpactPartition#split}), each member computes the cells of its ranges with
 * its own compiled copy of the two versions (compiled from the database by bundle hash), and the
 * coordinator assembles all cells in range order ({@link ImpactRunner#assemble}), exactly as a
 * single run assembles the cells it computed in one range. A cell depends only on its account,
 * market state and the two versions, so the result is the single run's, byte for byte.
 *
 * <p>Why plain strings on the data grid rather than tasks on Hazelcast's {@code IExecutorService}:
 * a task object is deserialised by Hazelcast on the target member. Payara's global serializer
 * ({@code PayaraHazelcastSerializer}) finds the application's class loader from the component id of
 * the <em>sending</em> thread, and falls back to the common class loader (which cannot see this
 * WAR's classes) when that id is missing or not deployed yet on the target; and the task would then
 * run on a Hazelcast thread without the application's context (no CDI, JPA or JNDI; this project
 * has seen Drools' MVEL JIT fail on such a thread: README "Cluster", the 500s of run 2). So the
 * coordinator publishes each range as JSON text on the topic {@value #TASKS}; the member it names
 * queues it for one worker thread of the container's managed thread factory (application context
 * and class loader), and answers in the map {@value #RESULTS} under {@code run/range}: a JSON
 * header line (member, seconds, error) and the cells as JSON ({@link ImpactCells}, decimals with
 * their scale). Only {@code String}s cross the grid, so nothing of ours is ever deserialised by
 * Hazelcast.
 */
@ApplicationScoped
public class DistributedImpact {

  private static final Logger LOG = Logger.getLogger(DistributedImpact.class.getName());

  static final String TASKS = "fulcrum.impact.ranges";
  static final String RESULTS = "fulcrum.impact.results";
  static final String STARTED = "fulcrum.impact.started";

  /** How long answers stay in the grid if the coordinator never reads them (it died). */
  private static final long RESULT_TTL_MINUTES = 30;

  @Inject ClusterSync sync;

  @Inject EvidenceService evidence;

  @Inject PolicyStore policies;

  @Inject ScenarioFiles files;

  @Inject MarketData marketData;

  @Inject
  @ConfigProperty(name = "fulcrum.cluster.impact.start-timeout", defaultValue = "PT60S")
  String startTimeout;

  @Inject
  @ConfigProperty(name = "fulcrum.cluster.impact.range-timeout", defaultValue = "PT10M")
  String rangeTimeout;

  @Resource ManagedThreadFactory threadFactory;

  private final BlockingQueue<RangeTask> queue = new LinkedBlockingQueue<>();
  private volatile Thread worker;
  private volatile boolean stopping;
  private volatile UUID listenerId;

  /** A range to compute: what the coordinator publishes on {@value #TASKS}. */
  record RangeTask(
      String run,
      int range,
      int from,
      int to,
      String member,
      String book,
      Integer generate,
      String inputsHash,
      String baseline,
      String baselineHash,
      String candidate,
      String candidateHash) {}

  /** The header line of an answer in {@value #RESULTS}. */
  record Header(String member, double seconds, String error) {}

  /** The two versions and the book, resolved and compiled on this member. */
  private record Inputs(
      Suite suite,
      String book,
      Integer generate,
      String inputsHash,
      CompiledPolicy baseline,
      CompiledPolicy candidate) {}

  /** After ClusterSync joined the data grid: listen for ranges addressed to this member. */
  void onStart(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 800)
          @Initialized(ApplicationScoped.class)
          Object event) {
    Optional<HazelcastInstance> grid = sync.grid();
    if (grid.isEmpty()) {
      return;
    }
    String self = grid.get().getCluster().getLocalMember().getUuid().toString();
    // Created here, on a thread of this application: the worker runs in its context.
    Thread t = threadFactory.newThread(this::work);
    t.setName("fulcrum-impact-ranges");
    t.setDaemon(true);
    worker = t;
    t.start();
    ITopic<String> topic = grid.get().getTopic(TASKS);
    listenerId =
        topic.addMessageListener(
            m -> {
              // On a Hazelcast thread: only parse and queue, nothing of the application here.
              try {
                RangeTask task = Json.mapper().readValue(m.getMessageObject(), RangeTask.class);
                if (self.equals(task.member())) {
                  // "received": the coordinator waits for the range; asynchronous, so this
                  // event thread never blocks on the grid
                  grid.get()
                      .<String, String>getMap(STARTED)
                      .putAsync(
                          task.run() + "/" + task.range(),
                          self,
                          RESULT_TTL_MINUTES,
                          TimeUnit.MINUTES);
                  queue.add(task);
                }
              } catch (java.io.IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "distributed impact: ignored a malformed range message", e);
              }
            });
  }

  @PreDestroy
  void stop() {
    stopping = true;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
    UUID id = listenerId;
    Optional<HazelcastInstance> grid = sync.grid();
    if (id != null && grid.isPresent()) {
      try {
        grid.get().getTopic(TASKS).removeMessageListener(id);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "distributed impact: removing the listener", e);
      }
    }
  }

  // ---- coordinator --------------------------------------------------------------------------

  /**
   * The impact of {@code request}, over {@code members} members (null: every live member; 1: the
   * single-member run, {@link ImpactRunner#run}, no data grid involved).
   */
  public ClusterImpact run(ClusterImpactRequest request, Integer members) {
    long start = System.nanoTime();
    if (request == null) {
      throw new InvalidParameter("body", "a body is required: {policy, version, ...}");
    }
    if (members != null && members < 1) {
      throw new InvalidParameter("members", "members must be >= 1 but was " + members);
    }
    Inputs in = prepare(request);
    Optional<HazelcastInstance> grid = sync.grid();
    List<Member> live = grid.map(DistributedImpact::membersInOrder).orElse(List.of());
    int use = members == null ? Math.max(1, live.size()) : members;
    if (use > 1 && live.size() < use) {
      throw new InvalidParameter(
          "members", "members " + use + " asked, but the data grid has " + live.size());
    }
    Computed c =
        use == 1
            ? single(in, grid.map(DistributedImpact::localName).orElse("this service"))
            : distributed(in, grid.orElseThrow(), live, use);
    String report = report(c.result());
    return new ClusterImpact(
        c.result().baseline().ref(),
        c.result().candidate().ref(),
        in.book(),
        c.result().accounts(),
        c.result().marketStates().size(),
        use,
        c.ranges(),
        c.decideSeconds(),
        (System.nanoTime() - start) / 1e9,
        Sha256.hex(report),
        report);
  }

  /** A result, its ranges and how long deciding its cells took. */
  private record Computed(
      ImpactResult result, List<ClusterImpact.RangeRun> ranges, double decideSeconds) {}

  /** The single-member run: {@link ImpactRunner#run}, as the evidence job runs it. */
  private Computed single(Inputs in, String self) {
    ImpactResult result =
        runner().run(in.suite(), in.baseline(), in.candidate(), Progress.silent());
    double decide = result.timings().get("decide");
    int accounts = result.accounts();
    return new Computed(
        result,
        List.of(new ClusterImpact.RangeRun(0, 0, accounts, self, self, decide, null)),
        decide);
  }

  /** The book split across this member and {@code use - 1} others of {@code live}. */
  private Computed distributed(Inputs in, HazelcastInstance g, List<Member> live, int use) {
    ImpactRunner runner = runner();
    Member local = g.getCluster().getLocalMember();
    List<Member> chosen = new ArrayList<>(List.of(local));
    live.stream().filter(m -> !m.equals(local)).limit(use - 1L).forEach(chosen::add);
    chosen.sort(java.util.Comparator.comparing(DistributedImpact::name));
    Map<String, String> names = new TreeMap<>();
    chosen.forEach(m -> names.put(m.getUuid().toString(), name(m)));
    List<ImpactPartition.Range> split =
        ImpactPartition.split(
            in.suite().book().size(),
            chosen.stream().map(m -> m.getUuid().toString()).toList(),
            ImpactPartition.MAX_RANGE_ACCOUNTS);
    String run = UUID.randomUUID().toString();
    GridRanges transport = new GridRanges(g, run, task(run, in));
    long t = System.nanoTime();
    List<ImpactPartition.Outcome> outcomes =
        ImpactPartition.run(
            split,
            local.getUuid().toString(),
            in.suite().marketStates().size(),
            transport,
            r ->
                runner.cells(
                    in.suite(), in.baseline(), in.candidate(), r.from(), r.to(), Progress.silent()),
            new ImpactPartition.Timeouts(
                Duration.parse(startTimeout),
                Duration.parse(rangeTimeout),
                Duration.ofMillis(100)));
    double decide = (System.nanoTime() - t) / 1e9;
    transport.clear(split);
    List<CellImpact> cells = new ArrayList<>();
    List<ClusterImpact.RangeRun> ranges = new ArrayList<>();
    for (ImpactPartition.Outcome o : outcomes) {
      cells.addAll(o.cells());
      ImpactPartition.Range r = o.range();
      ranges.add(
          new ClusterImpact.RangeRun(
              r.index(),
              r.from(),
              r.to(),
              names.getOrDefault(r.member(), r.member()),
              names.getOrDefault(o.computedBy(), o.computedBy()),
              o.seconds(),
              o.note()));
    }
    return new Computed(
        runner.assemble(in.suite(), in.baseline(), in.candidate(), cells, decide), ranges, decide);
  }

  /**
   * {@code fulcrum impact}'s JSON report as the evidence job stores it ({@link EvidenceRuns#LISTED}
   * cells listed), with its wall-clock timings left empty: the rest depends only on the inputs.
   */
  static String report(ImpactResult r) {
    ImpactResult timeless =
        new ImpactResult(
            r.suite(),
            r.baseline(),
            r.candidate(),
            r.accounts(),
            r.marketStates(),
            r.totals(),
            r.summary(),
            r.changes(),
            r.explained(),
            r.failures(),
            r.maintenanceChanges(),
            Map.of());
    return ImpactReports.json(timeless, EvidenceRuns.LISTED);
  }

  private RangeTask task(String run, Inputs in) {
    return new RangeTask(
        run,
        0,
        0,
        0,
        null,
        in.book(),
        in.generate(),
        in.inputsHash(),
        in.baseline().stamp().ref(),
        in.baseline().stamp().hash(),
        in.candidate().stamp().ref(),
        in.candidate().stamp().hash());
  }

  private static List<Member> membersInOrder(HazelcastInstance g) {
    return g.getCluster().getMembers().stream()
        .sorted(java.util.Comparator.comparing(DistributedImpact::name))
        .toList();
  }

  static String name(Member m) {
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }

  private static String localName(HazelcastInstance g) {
    return name(g.getCluster().getLocalMember());
  }

  private ImpactRunner runner() {
    return new ImpactRunner(ParallelGrid.defaultThreads(), EvidenceRuns.LISTED)
        .withMarketData(marketData.sets());
  }

  /**
   * The versions compiled from their stored content, and the book, as the evidence job reads them.
   */
  private Inputs prepare(ClusterImpactRequest r) {
    if (r.policy() == null || r.version() == null) {
      throw new InvalidParameter("policy", "policy and version (the candidate) are required");
    }
    String book =
        r.suite() == null || r.suite().isBlank() ? EvidenceService.DEFAULT_BOOK : r.suite();
    if (r.generate() != null
        && (r.generate() < 1 || r.generate() > EvidenceService.MAX_GENERATED)) {
      throw new InvalidParameter(
          "generate",
          "generate must be in [1, " + EvidenceService.MAX_GENERATED + "] but was " + r.generate());
    }
    String baselineRef =
        r.baseline() == null || r.baseline().isBlank()
            ? evidence.baselineRef(r.policy())
            : r.baseline();
    return inputs(book, r.generate(), baselineRef, r.policy() + "@" + r.version());
  }

  private Inputs inputs(String book, Integer generate, String baselineRef, String candidateRef) {
    java.nio.file.Path file = files.book(book);
    Suite suite = new SuiteLoader(files.stressLibrary().resolver()).load(file);
    if (generate != null) {
      suite = suite.withGenerated(generate);
    }
    // What the cells depend on besides the versions: the book file and the stress scenarios.
    StringBuilder hashed = new StringBuilder(book + " " + ScenarioFiles.hash(file) + "\n");
    files.stressHashes().forEach((k, v) -> hashed.append(k).append(' ').append(v).append('\n'));
    hashed.append("generate ").append(generate).append('\n');
    return new Inputs(
        suite,
        book,
        generate,
        Sha256.hex(hashed.toString()),
        stored(baselineRef, "baseline"),
        stored(candidateRef, "version"));
  }

  private CompiledPolicy stored(String ref, String field) {
    PolicyRef p;
    try {
      p = PolicyRef.parse(ref);
    } catch (RuntimeException e) {
      throw new InvalidParameter(field, field + ": " + e.getMessage());
    }
    String version =
        p.version()
            .orElseThrow(() -> new InvalidParameter(field, field + " needs id@version: " + ref));
    PolicyVersion v =
        policies.find(p.id(), version).orElseThrow(() -> new PolicyVersionNotFound(ref));
    return evidence.compile(v.policyId(), v.version(), v.bundleHash());
  }

  // ---- member side --------------------------------------------------------------------------

  /** The worker: computes the ranges addressed to this member, one at a time. */
  private void work() {
    while (!stopping) {
      RangeTask t;
      try {
        t = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      compute(t);
    }
  }

  private void compute(RangeTask t) {
    Optional<HazelcastInstance> grid = sync.grid();
    if (grid.isEmpty()) {
      return;
    }
    HazelcastInstance g = grid.get();
    String key = t.run() + "/" + t.range();
    String self = localName(g);
    long begin = System.nanoTime();
    String error = null;
    String cells = "[]";
    try {
      Inputs in = inputs(t.book(), t.generate(), t.baseline(), t.candidate());
      if (!in.inputsHash().equals(t.inputsHash())
          || !in.baseline().stamp().hash().equals(t.baselineHash())
          || !in.candidate().stamp().hash().equals(t.candidateHash())) {
        error = "this member's book, scenarios or versions differ from the coordinator's";
      } else {
        List<CellImpact> computed =
            runner()
                .cells(
                    in.suite(), in.baseline(), in.candidate(), t.from(), t.to(), Progress.silent());
        cells = ImpactCells.toJson(computed);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "distributed impact: range " + key + " failed here", e);
      error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    String problem = error;
    String answer = Json.canonical(new Header(self, seconds, problem)) + "\n" + cells;
    g.<String, String>getMap(RESULTS).put(key, answer, RESULT_TTL_MINUTES, TimeUnit.MINUTES);
    LOG.info(
        () ->
            "distributed impact: range "
                + key
                + " ["
                + t.from()
                + ", "
                + t.to()
                + ") computed in "
                + String.format(java.util.Locale.ROOT, "%.2f", seconds)
                + " s"
                + (problem == null ? "" : ": " + problem));
  }
}
