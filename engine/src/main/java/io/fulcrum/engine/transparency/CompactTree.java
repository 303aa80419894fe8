package io.fulcrum.engine.transparency;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The right edge of a log (its "compact range" or frontier): for a tree of {@code size} leaves, the
 * hash of one complete subtree per set bit of {@code size}. Enough to append leaves and to compute
 * the root without reading anything else, so an append costs {@code O(1)} amortised hashes and node
 * writes (one leaf plus the subtrees it completes) and never recomputes the tree. Mutable and not
 * thread-safe: callers append under their own lock.
 */
public final class CompactTree {

  private long size;

  /** Hash of the complete subtree at each level whose bit is set in {@code size}. */
  private final byte[][] byLevel = new byte[63][];

  private CompactTree(long size) {
    this.size = size;
  }

  /** The empty tree. */
  public static CompactTree empty() {
    return new CompactTree(0);
  }

  /**
   * The tree of {@code size} leaves whose frontier is {@code encoded} (from {@link #encode}): the
   * subtree hashes of the set bits of {@code size}, lowest level first, 32 bytes each.
   */
  public static CompactTree decode(long size, byte[] encoded) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be >= 0 but was " + size);
    }
    int expected = Long.bitCount(size) * MerkleHash.SIZE;
    if (encoded == null || encoded.length != expected) {
      throw new IllegalArgumentException(
          "a frontier of a tree of "
              + size
              + " leaves has "
              + expected
              + " bytes but was given "
              + (encoded == null ? "none" : encoded.length));
    }
    CompactTree tree = new CompactTree(size);
    int at = 0;
    for (int level = 0; level < 63; level++) {
      if ((size >>> level & 1) == 1) {
        tree.byLevel[level] = Arrays.copyOfRange(encoded, at, at + MerkleHash.SIZE);
        at += MerkleHash.SIZE;
      }
    }
    return tree;
  }

  /** The frontier as {@link #decode} reads it. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int level = 0; level < 63; level++) {
      if (byLevel[level] != null) {
        out.writeBytes(byLevel[level]);
      }
    }
    return out.toByteArray();
  }

  public long size() {
    return size;
  }

  /**
   * Appends the leaf whose hash is {@code leafHash}; returns every complete subtree it creates (the
   * leaf itself first, then each parent it completes, lowest first), to be stored.
   */
  public Map<NodeId, byte[]> append(byte[] leafHash) {
    MerkleHash.require(leafHash, "leaf hash");
    Map<NodeId, byte[]> created = new LinkedHashMap<>();
    long index = size;
    int level = 0;
    byte[] hash = leafHash.clone();
    created.put(new NodeId(0, index), hash);
    while ((index & 1) == 1) {
      hash = MerkleHash.node(byLevel[level], hash);
      byLevel[level] = null;
      level++;
      index >>>= 1;
      created.put(new NodeId(level, index), hash);
    }
    byLevel[level] = hash;
    size++;
    return created;
  }

  /** {@code MTH} of the whole tree: the frontier folded from the lowest level up. */
  public byte[] root() {
    byte[] root = null;
    for (int level = 0; level < 63; level++) {
      if (byLevel[level] != null) {
        root = root == null ? byLevel[level] : MerkleHash.node(byLevel[level], root);
      }
    }
    return root == null ? MerkleHash.emptyRoot() : root.clone();
  }

  /** The frontier's nodes, highest level (leftmost) first. */
  public List<NodeId> frontier() {
    List<NodeId> ids = new ArrayList<>();
    for (int level = 62; level >= 0; level--) {
      if (byLevel[level] != null) {
        ids.add(new NodeId(level, (size >>> level) - 1));
      }
    }
    return ids;
  }
}
