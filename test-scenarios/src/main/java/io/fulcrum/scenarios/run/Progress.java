package io.fulcrum.scenarios.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A text progress bar on a terminal stream. It stays silent for the first {@link #QUIET_MILLIS} so
 * short runs print nothing, then redraws every quarter second. Thread-safe.
 */
public final class Progress implements AutoCloseable {

  static final long QUIET_MILLIS = 2_000;
  private static final int WIDTH = 30;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final AtomicLong done = new AtomicLong();
  private final long start = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile boolean drawn;
  private final java.util.function.LongConsumer listener;

  private Progress(String label, long total, PrintStream out) {
    this(label, total, out, null);
  }

  private Progress(
      String label, long total, PrintStream out, java.util.function.LongConsumer listener) {
    this.listener = listener;
    this.label = label;
    this.total = total;
    this.out = out;
    if (out == null) {
      ticker = null;
    } else {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::draw, QUIET_MILLIS, 250, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A bar drawn on {@code out} (typically standard error) once the run takes longer than 2 s, when
   * the process has a terminal; silent when output goes to a file or a CI log.
   */
  public static Progress on(PrintStream out, String label, long total) {
    return System.console() == null ? silent() : new Progress(label, total, out);
  }

  public static Progress silent() {
    return new Progress("", 0, null);
  }

  /**
   * A silent progress that tells {@code listener} the steps done so far after every advance (from
   * the runner's thread). The listener may throw (e.g. a {@link
   * java.util.concurrent.CancellationException}) to stop the run at that point.
   */
  public static Progress listening(java.util.function.LongConsumer listener) {
    return new Progress("", 0, null, listener);
  }

  /** Steps done so far. */
  public long done() {
    return done.get();
  }

  public void advance(long steps) {
    long now = done.addAndGet(steps);
    if (listener != null) {
      listener.accept(now);
    }
  }

  private synchronized void draw() {
    long n = done.get();
    double fraction = total == 0 ? 1 : Math.min(1.0, (double) n / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = (System.nanoTime() - start) / 1e9;
    double eta = fraction > 0 ? seconds / fraction - seconds : 0;
    out.print(
        String.format(
            Locale.ROOT,
            "\r%s [%s%s] %3.0f%% %,d/%,d  %.1fs elapsed, ~%.0fs left ",
            label,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            fraction * 100,
            n,
            total,
            seconds,
            eta));
    out.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (drawn) {
        draw();
        out.println();
      }
    }
  }
}
