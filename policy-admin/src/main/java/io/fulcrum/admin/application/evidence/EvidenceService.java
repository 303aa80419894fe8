package io.fulcrum.admin.application.evidence;

import io.fulcrum.admin.application.DecisionQuery;
import io.fulcrum.admin.application.DecisionService;
import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.MarketData;
import io.fulcrum.admin.application.Page;
import io.fulcrum.admin.application.PolicyEngine;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.PolicyVersionNotFound;
import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.backtest.PortfolioFile;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.support.Sha256;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.run.ParallelGrid;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evidence before approval: runs regression, impact (over a book, or over the last N stored
 * decisions replayed under both versions) and coverage backtests on a policy version as jobs on the
 * container's managed executor, stored in the database with the version's bundle hash, the
 * baseline's, and the hashes of every input, so that the approver sees what each run ran on.
 * Progress is written to the job row about twice a second, and a cancel (from any member) is seen
 * at the next block of cells. Several jobs run at once (at most {@link #MAX_RUNNING} per member).
 */
@ApplicationScoped
public class EvidenceService {

  private static final Logger LOG = Logger.getLogger(EvidenceService.class.getName());

  /** Jobs queued or running on this member at once; more are refused until one finishes. */
  public static final int MAX_RUNNING = 4;

  /** Largest generated book of an impact job. */
  public static final int MAX_GENERATED = 100_000;

  /** Most stored decisions an impact job replays. */
  public static final int MAX_DECISIONS = 20_000;

  static final int DEFAULT_DECISIONS = 1000;
  public static final String DEFAULT_BOOK = "perps-book.yaml";
  static final int EXPLAIN_LIMIT = EvidenceRuns.LISTED;
  private static final long PROGRESS_MILLIS = 500;

  /** When this member started: a QUEUED or RUNNING job from before it, not running here, died. */
  private final Instant startedAt = Instant.now();

  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

  @Inject EvidenceStore store;

  @Inject PolicyStore policies;

  @Inject PolicyEngine engine;

  @Inject DecisionService decisions;

  @Inject MarketData marketData;

  @Inject ScenarioFiles files;

  @Inject ServiceClock clock;

  @Resource ManagedExecutorService executor;

  // ---- queries ------------------------------------------------------------------------------

  public List<EvidenceJob> list(String policyId, String version) {
    return store.list(policyId, version).stream().map(this::current).toList();
  }

  public EvidenceJob get(String id) {
    return store.find(id).map(this::current).orElseThrow(() -> new EvidenceNotFound(id));
  }

  /** The inputs a page may offer for a version. */
  public Map<String, Object> options(String policyId) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> suites = new ArrayList<>();
    for (String s : files.suites()) {
      try {
        Suite suite = loader().load(files.suite(s));
        if (suite.policy().map(policyId::equals).orElse(false)) {
          suites.add(s);
        }
      } catch (RuntimeException e) {
        LOG.warning(() -> "suite " + s + " does not load: " + e.getMessage());
      }
    }
    m.put("suites", suites);
    m.put("books", files.books());
    m.put("defaultBook", DEFAULT_BOOK);
    m.put("portfolios", files.portfolios());
    m.put("dataSets", marketData.sets().known());
    m.put("maxGenerated", MAX_GENERATED);
    m.put("maxDecisions", MAX_DECISIONS);
    String baseline;
    try {
      baseline = baselineRef(policyId);
    } catch (RuntimeException e) {
      baseline = null;
    }
    m.put("baseline", baseline);
    return m;
  }

  /** A job this member no longer runs but the row says QUEUED or RUNNING: the member stopped. */
  private EvidenceJob current(EvidenceJob job) {
    if (!job.state().finished()
        && !running.containsKey(job.id())
        && job.requestedAt().isBefore(startedAt)) {
      return job.withState(
          EvidenceState.FAILED, "interrupted: the service stopped while this job was running");
    }
    return job;
  }

  // ---- commands -----------------------------------------------------------------------------

  /** Stores a QUEUED job and starts it; the job is returned at once. */
  public EvidenceJob start(EvidenceRequest request, String user) {
    if (request == null) {
      throw new InvalidParameter("body", "a body is required: {policy, version, kind, ...}");
    }
    if (request.kind() == null) {
      throw new InvalidParameter(
          "kind", "kind is required: one of REGRESSION, IMPACT_BOOK, IMPACT_DECISIONS, COVERAGE");
    }
    if (request.policy() == null || request.version() == null) {
      throw new InvalidParameter("policy", "policy and version are required");
    }
    PolicyVersion v =
        policies
            .find(request.policy(), request.version())
            .orElseThrow(
                () -> new PolicyVersionNotFound(request.policy() + "@" + request.version()));
    Map<String, Object> params = parameters(request);
    if (running.size() >= MAX_RUNNING) {
      throw new InvalidParameter(
          "kind",
          MAX_RUNNING + " evidence jobs are already running on this service: wait for one to end");
    }
    Instant now = clock.instant();
    EvidenceJob job =
        new EvidenceJob(
            UUID.randomUUID().toString(),
            request.kind(),
            v.policyId(),
            v.version(),
            v.bundleHash(),
            null,
            null,
            Json.canonical(params),
            null,
            EvidenceState.QUEUED,
            0,
            0,
            false,
            user,
            now,
            null,
            null,
            null,
            null,
            null,
            null);
    store.create(job);
    AtomicBoolean cancel = new AtomicBoolean();
    running.put(job.id(), cancel);
    try {
      executor.submit(() -> run(job, request, cancel));
    } catch (RejectedExecutionException e) {
      running.remove(job.id());
      store.finished(
          job.id(),
          clock.instant(),
          EvidenceState.FAILED,
          0,
          null,
          "not started: " + e,
          null,
          null);
    }
    return get(job.id());
  }

  public EvidenceJob cancel(String id) {
    EvidenceJob job = get(id);
    AtomicBoolean flag = running.get(id);
    if (flag != null) {
      flag.set(true);
    }
    store.requestCancel(id);
    if (flag == null && !job.state().finished()) {
      // Not running on this member, and its member stopped: mark it cancelled now.
      store.finished(
          id,
          clock.instant(),
          EvidenceState.CANCELLED,
          job.progressDone(),
          null,
          "cancelled",
          null,
          null);
    }
    return get(id);
  }

  /** The checked parameters of a request, as stored with the job. */
  private Map<String, Object> parameters(EvidenceRequest r) {
    Map<String, Object> p = new TreeMap<>();
    switch (r.kind()) {
      case REGRESSION -> {}
      case IMPACT_BOOK -> {
        String book = r.suite() == null || r.suite().isBlank() ? DEFAULT_BOOK : r.suite();
        files.book(book);
        p.put("book", book);
        if (r.generate() != null) {
          if (r.generate() < 1 || r.generate() > MAX_GENERATED) {
            throw new InvalidParameter(
                "generate",
                "generate must be in [1, " + MAX_GENERATED + "] but was " + r.generate());
          }
          p.put("generate", r.generate());
        }
      }
      case IMPACT_DECISIONS -> {
        int n = r.decisions() == null ? DEFAULT_DECISIONS : r.decisions();
        if (n < 1 || n > MAX_DECISIONS) {
          throw new InvalidParameter(
              "decisions", "decisions must be in [1, " + MAX_DECISIONS + "] but was " + n);
        }
        p.put("decisions", n);
      }
      case COVERAGE -> {
        files.portfolio(r.portfolio());
        p.put("portfolio", r.portfolio());
        boolean known;
        try {
          known = r.dataSet() != null && marketData.sets().find(r.dataSet()).isPresent();
        } catch (RuntimeException e) {
          known = false;
        }
        if (!known) {
          throw new InvalidParameter(
              "dataSet",
              "no market data set "
                  + r.dataSet()
                  + " among the service's data sets "
                  + marketData.sets().known());
        }
        p.put("dataSet", r.dataSet());
        int mpor = r.mpor() == null ? 2 : r.mpor();
        if (mpor < 1 || mpor > 30) {
          throw new InvalidParameter("mpor", "mpor must be in [1, 30] days but was " + mpor);
        }
        p.put("mpor", mpor);
      }
    }
    return p;
  }

  // ---- running ------------------------------------------------------------------------------

  private void run(EvidenceJob job, EvidenceRequest request, AtomicBoolean cancel) {
    Listener listener = new Listener(job.id(), cancel);
    try {
      CompiledPolicy candidate = compile(job.policyId(), job.version(), job.bundleHash());
      EvidenceRuns.Outcome outcome =
          switch (job.kind()) {
            case REGRESSION -> regression(job, candidate, listener);
            case IMPACT_BOOK -> impactBook(job, request, candidate, listener);
            case IMPACT_DECISIONS -> impactDecisions(job, request, candidate, listener);
            case COVERAGE -> coverage(job, request, candidate, listener);
          };
      store.finished(
          job.id(),
          clock.instant(),
          EvidenceState.DONE,
          listener.total,
          outcome.outcome(),
          outcome.summary(),
          outcome.resultJson(),
          outcome.reportText());
    } catch (CancellationException e) {
      store.finished(
          job.id(),
          clock.instant(),
          EvidenceState.CANCELLED,
          listener.done,
          null,
          "cancelled",
          null,
          null);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "evidence job " + job.id() + " failed", e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      store.finished(
          job.id(),
          clock.instant(),
          EvidenceState.FAILED,
          listener.done,
          null,
          message.length() > 1900 ? message.substring(0, 1900) : message,
          null,
          null);
    } finally {
      running.remove(job.id());
    }
  }

  /** Progress written to the job row at most twice a second; a cancel stops the run. */
  private final class Listener implements java.util.function.LongConsumer {
    private final String id;
    private final AtomicBoolean cancel;
    private long last;
    volatile long done;
    long total;

    Listener(String id, AtomicBoolean cancel) {
      this.id = id;
      this.cancel = cancel;
    }

    void started(long total, String baselineRef, String baselineHash, Map<String, String> hashes) {
      this.total = total;
      store.started(id, clock.instant(), total, baselineRef, baselineHash, Json.canonical(hashes));
    }

    @Override
    public void accept(long steps) {
      done = steps;
      if (cancel.get()) {
        throw new CancellationException("cancelled");
      }
      long now = System.nanoTime() / 1_000_000;
      if (now - last >= PROGRESS_MILLIS) {
        last = now;
        if (store.progress(id, steps)) {
          cancel.set(true);
          throw new CancellationException("cancelled");
        }
      }
    }
  }

  private EvidenceRuns.Outcome regression(
      EvidenceJob job, CompiledPolicy candidate, Listener listener) {
    SuiteLoader loader = loader();
    List<Suite> suites = new ArrayList<>();
    SortedMap<String, String> hashes = new TreeMap<>();
    for (String s : files.suites()) {
      Path file = files.suite(s);
      Suite suite = loader.load(file);
      if (suite.policy().map(job.policyId()::equals).orElse(false)) {
        suites.add(suite);
        hashes.put("suites/" + s, ScenarioFiles.hash(file));
      }
    }
    if (suites.isEmpty()) {
      throw new IllegalStateException(
          "no scenario suite under "
              + files.root().resolve("suites")
              + " is written for "
              + job.policyId());
    }
    hashes.putAll(files.stressHashes());
    long total =
        suites.stream().mapToLong(s -> (long) s.book().size() * s.marketStates().size()).sum();
    listener.started(total, null, null, hashes);
    RegressionRunner runner = new RegressionRunner(threads()).withMarketData(marketData.sets());
    List<RegressionResult> results = new ArrayList<>();
    try (Progress progress = Progress.listening(listener)) {
      for (Suite suite : suites) {
        results.add(runner.run(suite, candidate, progress));
      }
    }
    return EvidenceRuns.regression(results);
  }

  private EvidenceRuns.Outcome impactBook(
      EvidenceJob job, EvidenceRequest request, CompiledPolicy candidate, Listener listener) {
    Map<String, Object> p = params(job);
    String bookName = (String) p.get("book");
    Path file = files.book(bookName);
    Suite suite = loader().load(file);
    if (p.get("generate") instanceof Number n) {
      suite = suite.withGenerated(n.intValue());
    }
    CompiledPolicy baseline = baseline(job.policyId());
    SortedMap<String, String> hashes = new TreeMap<>();
    hashes.put(file.getParent().getFileName() + "/" + bookName, ScenarioFiles.hash(file));
    hashes.putAll(files.stressHashes());
    listener.started(
        (long) suite.book().size() * suite.marketStates().size(),
        baseline.stamp().ref(),
        baseline.stamp().hash(),
        hashes);
    try (Progress progress = Progress.listening(listener)) {
      var result =
          new ImpactRunner(threads(), EXPLAIN_LIMIT)
              .withMarketData(marketData.sets())
              .run(suite, baseline, candidate, progress);
      return EvidenceRuns.impact(result, suite.baseMarket().valuationCurrency());
    }
  }

  private EvidenceRuns.Outcome impactDecisions(
      EvidenceJob job, EvidenceRequest request, CompiledPolicy candidate, Listener listener) {
    int n = ((Number) params(job).get("decisions")).intValue();
    CompiledPolicy baseline = baseline(job.policyId());
    // The last n stored decisions of this policy (any version), newest first (pages of the log):
    // a decision of another policy says nothing about this change.
    List<MarginRequest> requests = new ArrayList<>();
    var ids = Sha256.digest();
    String currency = null;
    int size = DecisionQuery.MAX_PAGE_SIZE;
    for (int page = 0; requests.size() < n; page++) {
      Page<StoredDecision> p =
          decisions.search(
              new DecisionQuery(null, job.policyId(), null, null, null, null, page, size));
      for (StoredDecision d : p.items()) {
        if (requests.size() >= n) {
          break;
        }
        MarginRequest r = RequestReader.read(d.requestJson());
        requests.add(r);
        currency = currency == null ? r.market().valuationCurrency() : currency;
        ids.update((d.id() + ":" + d.requestHash() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      if (p.items().size() < size) {
        break;
      }
    }
    if (requests.isEmpty()) {
      throw new IllegalStateException(
          "no stored decisions of policy " + job.policyId() + " to replay");
    }
    Map<String, String> hashes = new TreeMap<>();
    hashes.put("decisions (" + requests.size() + ", id:requestHash)", Sha256.hex(ids));
    listener.started(requests.size(), baseline.stamp().ref(), baseline.stamp().hash(), hashes);
    try (Progress progress = Progress.listening(listener)) {
      var result =
          RequestImpact.run(
              "last " + requests.size() + " stored decisions",
              "stored requests",
              requests,
              baseline,
              candidate,
              marketData.sets(),
              threads(),
              EXPLAIN_LIMIT,
              progress);
      return EvidenceRuns.impact(result, currency);
    }
  }

  private EvidenceRuns.Outcome coverage(
      EvidenceJob job, EvidenceRequest request, CompiledPolicy candidate, Listener listener) {
    Map<String, Object> p = params(job);
    String portfolioName = (String) p.get("portfolio");
    Path file = files.portfolio(portfolioName);
    BacktestPortfolio portfolio = PortfolioFile.read(file);
    MarketDataSets sets = marketData.sets();
    MarketDataSet set =
        sets.find((String) p.get("dataSet"))
            .orElseThrow(
                () -> new IllegalStateException("data set " + p.get("dataSet") + " is gone"));
    int mpor = ((Number) p.get("mpor")).intValue();
    CompiledPolicy baseline = baseline(job.policyId());
    Map<String, String> hashes = new TreeMap<>();
    hashes.put("backtest/" + portfolioName, ScenarioFiles.hash(file));
    hashes.put("data set " + set.ref(), set.hash());
    listener.started(2, baseline.stamp().ref(), baseline.stamp().hash(), hashes);
    BacktestResult c = EvidenceRuns.backtest(candidate, portfolio, set, mpor);
    listener.accept(1);
    BacktestResult b = EvidenceRuns.backtest(baseline, portfolio, set, mpor);
    listener.accept(2);
    return EvidenceRuns.coverage(
        portfolioName, set, mpor, candidate.stamp().ref(), c, baseline.stamp().ref(), b);
  }

  // ---- helpers ------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(EvidenceJob job) {
    try {
      return Json.mapper().readValue(job.parametersJson(), Map.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("job parameters do not parse: " + e.getMessage(), e);
    }
  }

  private SuiteLoader loader() {
    return new SuiteLoader(files.stressLibrary().resolver());
  }

  private static int threads() {
    return ParallelGrid.defaultThreads();
  }

  /**
   * The version compiled from its stored content, whatever its state (a draft is what evidence is
   * for); the content must hash to the version's bundle hash.
   */
  public CompiledPolicy compile(String id, String version, String bundleHash) {
    PolicyBundle bundle = BundleReader.fromFiles(id + "@" + version, policies.files(bundleHash));
    if (!bundle.hash().equals(bundleHash)) {
      throw new IllegalStateException(
          "the stored content of " + id + "@" + version + " does not hash to its bundle hash");
    }
    return engine.compiler().compile(bundle);
  }

  /** The version compared against: the active version, or the policy's latest approved one. */
  public String baselineRef(String policyId) {
    String active = engine.activeRef();
    if (active.startsWith(policyId + "@")) {
      return active;
    }
    return engine.resolve(policyId).stamp().ref();
  }

  CompiledPolicy baseline(String policyId) {
    return engine.resolve(baselineRef(policyId));
  }

  Optional<EvidenceJob> find(String id) {
    return store.find(id);
  }
}
