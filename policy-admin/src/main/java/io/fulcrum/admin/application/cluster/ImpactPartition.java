package io.fulcrum.admin.application.cluster;

import io.fulcrum.scenarios.impact.CellImpact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A book's account range split across cluster members and gathered back (README, "Cluster"):
 * contiguous ranges, each assigned to a member; the coordinator computes its own ranges, then
 * collects the others' cells. A range whose member left the cluster, answered an error or wrong
 * cells, did not take it within {@link Timeouts#start}, or did not finish it within {@link
 * Timeouts#range} times its place in that member's queue (a member computes its ranges one after
 * the other) is computed again by the coordinator, so a run never waits forever and never loses a
 * range. Outcomes come back in range order, whatever the order members finish in: their cells
 * concatenated are the whole book's cells in the single run's order.
 *
 * <p>No data grid here: the member side and messages are a {@link Transport}, so the gathering
 * logic is tested with a fake grid ({@code ImpactPartitionTest}) and run with Hazelcast ({@link
 * GridRanges}).
 */
public final class ImpactPartition {

  private static final Logger LOG = Logger.getLogger(ImpactPartition.class.getName());

  /**
   * Most accounts in one range: a range's cells travel as one data-grid entry (a few hundred bytes
   * per cell, so about 5 MB for 5,000 accounts x 5 market states).
   */
  public static final int MAX_RANGE_ACCOUNTS = 5_000;

  private ImpactPartition() {}

  /**
   * Accounts {@code from} (inclusive) to {@code to} (exclusive), range {@code index} of a run,
   * assigned to {@code member}.
   */
  public record Range(int index, int from, int to, String member) {
    public int accounts() {
      return to - from;
    }
  }

  /** What a member answered for a range: its cells, or why it could not compute them. */
  public record Reply(String member, double seconds, String error, List<CellImpact> cells) {}

  /**
   * A range's cells and who computed them.
   *
   * @param note null when the assigned member's cells were used, else why the coordinator computed
   *     the range itself
   */
  public record Outcome(
      Range range, String computedBy, double seconds, String note, List<CellImpact> cells) {}

  /**
   * @param start a member must have taken its range (received it) within this of the request
   * @param range ... and finished it within this, times the range's place in its queue
   * @param poll how often the coordinator looks for answers
   */
  public record Timeouts(Duration start, Duration range, Duration poll) {}

  /** The data grid, as the coordinator sees it. */
  public interface Transport {
    /** Asks {@code range.member()} to compute the range; may throw when it cannot be sent. */
    void send(Range range);

    /** Whether the member said it took (received) the range. */
    boolean started(Range range);

    /** The member's answer, once there is one. */
    Optional<Reply> reply(Range range);

    /** Whether the member is still in the cluster. */
    boolean alive(String member);
  }

  /**
   * Contiguous ranges covering {@code [0, accounts)}: at least one per member, more when a range
   * would exceed {@code maxAccounts}, never more than there are accounts; sizes differ by at most
   * one account; range i goes to {@code members.get(i % members.size())}.
   */
  public static List<Range> split(int accounts, List<String> members, int maxAccounts) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("members must not be empty");
    }
    if (accounts < 0 || maxAccounts < 1) {
      throw new IllegalArgumentException(
          "accounts must be >= 0 and maxAccounts >= 1 but were " + accounts + ", " + maxAccounts);
    }
    int count = Math.max(members.size(), (accounts + maxAccounts - 1) / maxAccounts);
    count = Math.max(1, Math.min(count, accounts));
    List<Range> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = (int) ((long) i * accounts / count);
      int to = (int) ((long) (i + 1) * accounts / count);
      out.add(new Range(i, from, to, members.get(i % members.size())));
    }
    return out;
  }

  /**
   * Computes {@code ranges}: those of {@code self} with {@code local}, the others through {@code
   * transport}, recomputing with {@code local} any range its member does not deliver.
   *
   * @param states market states per account (a range's cells are {@code accounts x states})
   * @return one outcome per range, in range order
   */
  public static List<Outcome> run(
      List<Range> ranges,
      String self,
      int states,
      Transport transport,
      Function<Range, List<CellImpact>> local,
      Timeouts timeouts) {
    Outcome[] out = new Outcome[ranges.size()];
    List<Range> pending = new ArrayList<>();
    // a range's place in its member's queue: the member computes them one after the other
    java.util.Map<Range, Integer> place = new java.util.HashMap<>();
    java.util.Map<String, Integer> queued = new java.util.HashMap<>();
    for (Range r : ranges) {
      place.put(r, queued.merge(r.member(), 1, Integer::sum));
    }
    long sent = System.nanoTime();
    for (Range r : ranges) {
      if (r.member().equals(self)) {
        continue;
      }
      try {
        transport.send(r);
        pending.add(r);
      } catch (RuntimeException e) {
        out[r.index()] = recompute(r, self, local, "could not be sent: " + e.getMessage());
      }
    }
    for (Range r : ranges) {
      if (r.member().equals(self)) {
        long t = System.nanoTime();
        List<CellImpact> cells = local.apply(r);
        out[r.index()] = new Outcome(r, self, seconds(t), null, cells);
      }
    }
    while (!pending.isEmpty()) {
      Duration waited = Duration.ofNanos(System.nanoTime() - sent);
      for (Range r : List.copyOf(pending)) {
        String lost = null;
        Optional<Reply> reply = transport.reply(r);
        if (reply.isPresent()) {
          Reply a = reply.get();
          lost = a.error() != null ? "its member failed: " + a.error() : wrongCells(r, states, a);
          if (lost == null) {
            out[r.index()] = new Outcome(r, a.member(), a.seconds(), null, a.cells());
          }
        } else if (!transport.alive(r.member())) {
          lost = "its member left the cluster";
        } else if (waited.compareTo(timeouts.start()) > 0 && !transport.started(r)) {
          lost = "its member did not take it within " + timeouts.start();
        } else if (waited.compareTo(timeouts.range().multipliedBy(place.get(r))) > 0) {
          lost =
              "its member did not finish it within " + timeouts.range().multipliedBy(place.get(r));
        } else {
          continue;
        }
        pending.remove(r);
        if (lost != null) {
          out[r.index()] = recompute(r, self, local, lost);
        }
      }
      if (!pending.isEmpty()) {
        sleep(timeouts.poll());
      }
    }
    return List.of(out);
  }

  private static Outcome recompute(
      Range r, String self, Function<Range, List<CellImpact>> local, String why) {
    LOG.warning(
        () ->
            "distributed impact: range "
                + r.index()
                + " ["
                + r.from()
                + ", "
                + r.to()
                + ") of "
                + r.member()
                + " computed here: "
                + why);
    long t = System.nanoTime();
    List<CellImpact> cells = local.apply(r);
    return new Outcome(r, self, seconds(t), "recomputed by the coordinator: " + why, cells);
  }

  /** Null when the reply holds exactly the range's cells in order, else what is wrong. */
  private static String wrongCells(Range r, int states, Reply a) {
    List<CellImpact> cells = a.cells();
    if (cells == null || cells.size() != r.accounts() * states) {
      return "its member sent "
          + (cells == null ? "no" : cells.size())
          + " cells for "
          + r.accounts() * states;
    }
    for (int i = 0; i < cells.size(); i++) {
      CellImpact c = cells.get(i);
      if (c.account() != r.from() + i / states || c.state() != i % states) {
        return "its member sent cell " + i + " for account " + c.account() + ", state " + c.state();
      }
    }
    return null;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("distributed impact interrupted while waiting", e);
    }
  }
}
