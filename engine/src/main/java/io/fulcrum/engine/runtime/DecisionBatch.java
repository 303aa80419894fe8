package io.fulcrum.engine.runtime;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides many requests against one compiled policy on a fixed set of threads, each reusing its
 * rule sessions from one decision to the next (see {@link RuleSessions}). Results come back in
 * request order and are the same, byte for byte, as deciding each request alone with {@link
 * MarginEngine#decide(CompiledPolicy, MarginRequest, MarketDataSets, boolean)}: a decision depends
 * only on its request and policy, never on which thread took it or what that thread decided before.
 *
 * <p>The calling thread works too: a batch of {@code threads} runs on the caller plus {@code
 * threads - 1} workers, kept for the life of the batch so that their sessions are reused across
 * calls. Close it to end the workers. Thread-safe; calls from several threads share the workers.
 */
public final class DecisionBatch implements AutoCloseable {

  /**
   * Requests a thread takes at a time: large enough to make hand-offs rare, small enough to even
   * out.
   */
  static final int CHUNK = 32;

  private final int threads;
  private final ExecutorService workers;

  private DecisionBatch(int threads) {
    this.threads = threads;
    this.workers =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads - 1,
                r -> {
                  Thread t = new Thread(r, "fulcrum-decision-batch");
                  t.setDaemon(true);
                  return t;
                });
  }

  /**
   * A batch deciding on {@code threads} threads (the caller and {@code threads - 1} workers).
   *
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public static DecisionBatch onThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    return new DecisionBatch(threads);
  }

  /** How many threads decide, the caller's included. */
  public int threads() {
    return threads;
  }

  /**
   * Decides every request against {@code policy}; one outcome per request, in request order. A
   * request that cannot be decided gets a {@link DecisionOutcome.Failed} and the others go on.
   */
  public List<DecisionOutcome> decide(
      CompiledPolicy policy,
      List<MarginRequest> requests,
      MarketDataSets marketData,
      boolean explain) {
    return decide(policy, requests, marketData, explain, true);
  }

  /**
   * As {@link #decide(CompiledPolicy, List, MarketDataSets, boolean)}; with {@code hash} false the
   * decisions are left unstamped ({@link MarginEngine#evaluate}), for a caller that only compares
   * their figures.
   */
  public List<DecisionOutcome> decide(
      CompiledPolicy policy,
      List<MarginRequest> requests,
      MarketDataSets marketData,
      boolean explain,
      boolean hash) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(marketData, "marketData");
    MarginRequest[] in = requests.toArray(MarginRequest[]::new);
    DecisionOutcome[] out = new DecisionOutcome[in.length];
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          int from;
          while ((from = next.getAndAdd(CHUNK)) < in.length) {
            int to = Math.min(in.length, from + CHUNK);
            for (int i = from; i < to; i++) {
              out[i] = decideOne(policy, in[i], marketData, explain, hash);
            }
          }
        };
    int helpers = workers == null ? 0 : Math.min(threads - 1, (in.length - 1) / CHUNK);
    List<Future<?>> running = new ArrayList<>(helpers);
    for (int t = 0; t < helpers; t++) {
      running.add(workers.submit(work));
    }
    work.run();
    awaitAll(running);
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private static DecisionOutcome decideOne(
      CompiledPolicy policy,
      MarginRequest request,
      MarketDataSets marketData,
      boolean explain,
      boolean hash) {
    try {
      Objects.requireNonNull(request, "request");
      return new DecisionOutcome.Decided(
          hash
              ? MarginEngine.decide(policy, request, marketData, explain)
              : MarginEngine.evaluate(policy, request, marketData, explain));
    } catch (RuntimeException e) {
      return new DecisionOutcome.Failed(e);
    }
  }

  private static void awaitAll(List<Future<?>> running) {
    boolean interrupted = false;
    try {
      for (Future<?> f : running) {
        while (true) {
          try {
            f.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true; // the workers write into this call's arrays: wait for them
          } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed: " + e.getCause(), e.getCause());
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ends the worker threads (after the calls in progress); the batch takes no further calls. */
  @Override
  public void close() {
    if (workers != null) {
      workers.shutdown();
    }
  }
}
