package io.fulcrum.admin.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read access to the audit chain, for verification. */
public interface AuditChain {

  /** Up to {@code limit} links with sequence greater than {@code afterSequence}, in order. */
  List<ChainLink> links(long afterSequence, int limit);

  /** The sequence and hash the chain head row names. */
  Head head();

  /**
   * The content hash of each subject's row as it is stored now, recomputed; a subject whose row is
   * missing is absent from the map.
   */
  Map<String, String> currentContentHashes(String kind, Set<String> subjectIds);

  /**
   * How many subject rows of {@code kind} are stored with a chain position up to {@code
   * upToSequence} (to find rows inserted outside the chain).
   */
  long subjectCount(String kind, long upToSequence);

  record Head(long sequence, String hash) {}
}
