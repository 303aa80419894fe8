package io.fulcrum.engine.transparency;

import java.util.Collection;
import java.util.Map;

/**
 * Where the hashes of a log's complete subtrees are kept (every node whose leaves are all in the
 * log). Proof generation asks for all the nodes it needs in one call.
 */
@FunctionalInterface
public interface NodeStore {

  /**
   * The hash of each of {@code ids}.
   *
   * @throws IllegalStateException if one is not stored (the store is smaller than the tree asked
   *     for, or a row was removed)
   */
  Map<NodeId, byte[]> nodes(Collection<NodeId> ids);
}
