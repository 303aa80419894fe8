package io.fulcrum.admin.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends decisions to the store in groups. Every append takes the audit chain's head lock, so
 * appends are serial; instead of one transaction per decision, the thread that gets to write takes
 * everything queued meanwhile and stores it in one transaction under one head lock (group commit),
 * and the others find their decision already stored. Order in the chain is queue order. If a group
 * fails, its decisions are stored one by one, so one bad decision fails only itself.
 */
@ApplicationScoped
public class GroupCommit {

  /** Bounds a transaction's size (and the latency of the decisions that wait for it). */
  static final int MAX_GROUP = 200;

  @Inject DecisionRepository decisions;

  @Inject ServiceMetrics metrics;

  private final ReentrantLock writer = new ReentrantLock();
  private final List<Pending> queue = new ArrayList<>();

  private record Pending(
      DecisionRepository.Authored decision,
      CompletableFuture<DecisionRepository.Appended> result) {}

  /** Stores one decision and its audit record; returns when it is committed. */
  public DecisionRepository.Appended append(NewDecision decision, String actor) {
    Pending mine =
        new Pending(new DecisionRepository.Authored(decision, actor), new CompletableFuture<>());
    synchronized (queue) {
      queue.add(mine);
    }
    while (!mine.result().isDone()) {
      writer.lock();
      try {
        if (!mine.result().isDone()) {
          writeGroup();
        }
      } finally {
        writer.unlock();
      }
    }
    try {
      return mine.result().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void writeGroup() {
    List<Pending> group;
    synchronized (queue) {
      group = new ArrayList<>(queue.subList(0, Math.min(MAX_GROUP, queue.size())));
      queue.subList(0, group.size()).clear();
    }
    if (group.isEmpty()) {
      return;
    }
    try {
      long start = System.nanoTime();
      List<DecisionRepository.Appended> stored =
          decisions.appendAll(group.stream().map(Pending::decision).toList());
      metrics.appended(group.size(), Duration.ofNanos(System.nanoTime() - start));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).result().complete(stored.get(i));
      }
    } catch (RuntimeException groupFailed) {
      for (Pending p : group) {
        try {
          p.result().complete(decisions.appendAll(List.of(p.decision())).get(0));
        } catch (RuntimeException e) {
          p.result().completeExceptionally(e);
        }
      }
    } finally {
      // An Error must not leave a waiter looping on an empty queue: fail what is still pending.
      for (Pending p : group) {
        p.result().completeExceptionally(new IllegalStateException("the group commit failed"));
      }
    }
  }
}
