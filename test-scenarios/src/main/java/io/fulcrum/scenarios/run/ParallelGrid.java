package io.fulcrum.scenarios.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs a task for each index 0..n-1 on a fixed number of threads and returns the results in index
 * order, so the outcome does not depend on scheduling. Threads take chunks of indexes from a shared
 * counter; a task must not throw (wrap failures in its result).
 */
public final class ParallelGrid {

  private static final int CHUNK = 64;

  private ParallelGrid() {}

  /** The number of threads runs use unless told otherwise: every available core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static <T> List<T> map(int n, int threads, IntFunction<T> task, Progress progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    Object[] results = new Object[n];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          int from;
          while ((from = next.getAndAdd(CHUNK)) < n) {
            int to = Math.min(n, from + CHUNK);
            for (int i = from; i < to; i++) {
              results[i] = task.apply(i);
            }
            progress.advance(to - from);
          }
        };
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "grid-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("run interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a grid task failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
  }
}
