package io.fulcrum.engine.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log held in memory: leaves appended through a {@link CompactTree}, every complete subtree kept
 * by level in growable arrays. For the offline tools, tests and benchmarks; the service keeps the
 * same nodes in a table. Not thread-safe.
 */
public final class InMemoryNodeStore implements NodeStore {

  private final CompactTree tree = CompactTree.empty();
  private final List<List<byte[]>> levels = new ArrayList<>();

  /** Appends a leaf (its bytes, hashed here) and returns its index. */
  public long appendLeaf(byte[] leaf) {
    return appendLeafHash(MerkleHash.leaf(leaf));
  }

  /** Appends a leaf by its leaf hash and returns its index. */
  public long appendLeafHash(byte[] leafHash) {
    long index = tree.size();
    tree.append(leafHash)
        .forEach(
            (id, hash) -> {
              while (levels.size() <= id.level()) {
                levels.add(new ArrayList<>());
              }
              levels.get(id.level()).add(hash);
            });
    return index;
  }

  public long size() {
    return tree.size();
  }

  public byte[] root() {
    return tree.root();
  }

  @Override
  public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
    Map<NodeId, byte[]> out = new HashMap<>();
    for (NodeId id : ids) {
      List<byte[]> level = id.level() < levels.size() ? levels.get(id.level()) : List.of();
      if (id.index() >= level.size()) {
        throw new IllegalStateException("no node " + id + " in a log of " + size() + " leaves");
      }
      out.put(id, level.get((int) id.index()));
    }
    return out;
  }
}
