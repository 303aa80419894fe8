package io.fulcrum.engine.transparency;

/**
 * A complete subtree of the log: the node at {@code level} (0 = a leaf) covering leaves {@code
 * [index * 2^level, (index + 1) * 2^level)}.
 */
public record NodeId(int level, long index) {

  public NodeId {
    if (level < 0 || level > 62) {
      throw new IllegalArgumentException("level must be in [0, 62] but was " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0 but was " + index);
    }
  }

  /** The first leaf this node covers. */
  public long firstLeaf() {
    return index << level;
  }

  /** One past the last leaf this node covers. */
  public long endLeaf() {
    return (index + 1) << level;
  }
}
