package io.fulcrum.admin.application;

import java.util.List;
import java.util.Optional;

/** Append-only store of decisions; every append also extends the audit chain. */
public interface DecisionRepository {

  /**
   * Stores the decisions and their audit records in one transaction, in order. A decision whose
   * idempotency key is already stored is not stored again: the stored one is returned instead.
   */
  default List<Appended> append(List<NewDecision> decisions, String actor) {
    return appendAll(decisions.stream().map(d -> new Authored(d, actor)).toList());
  }

  /** As {@link #append}, each decision with its own actor (one transaction for all of them). */
  List<Appended> appendAll(List<Authored> decisions);

  Optional<StoredDecision> find(String id);

  Optional<StoredDecision> findByIdempotencyKey(String key);

  Page<StoredDecision> search(DecisionQuery query);

  /** A decision to store and the user who asked for it. */
  record Authored(NewDecision decision, String actor) {}

  /** The outcome of one append: the stored decision and whether this call created it. */
  record Appended(StoredDecision decision, boolean created) {}
}
