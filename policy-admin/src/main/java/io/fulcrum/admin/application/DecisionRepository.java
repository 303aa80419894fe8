package io.fulcrum.admin.application;

import java.util.List;
import java.util.Optional;

/** Append-only store of decisions; every append also extends the audit chain. */
public interface DecisionRepository {

  /**
   * Stores the decisions and their audit records in one transaction, in order. A decision whose
   * idempotency key is already stored is not stored again: the stored one is returned instead.
   */
  List<Appended> append(List<NewDecision> decisions, String actor);

  Optional<StoredDecision> find(String id);

  Optional<StoredDecision> findByIdempotencyKey(String key);

  Page<StoredDecision> search(DecisionQuery query);

  /** The outcome of one append: the stored decision and whether this call created it. */
  record Appended(StoredDecision decision, boolean created) {}
}
