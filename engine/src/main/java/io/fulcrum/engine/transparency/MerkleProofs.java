package io.fulcrum.engine.transparency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tree heads, inclusion proofs and consistency proofs of RFC 9162 §2.1 computed from a {@link
 * NodeStore} of complete-subtree hashes. Every proof element is the head of a leaf range, {@code
 * MTH(D[a:b])}, and every such range splits into at most about {@code 2 log2(n)} complete subtrees,
 * so a proof costs {@code O(log^2 n)} hashes and one store lookup, however large the log. Stateless
 * and thread-safe.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /** {@code MTH(D[0:size])}, the root of the first {@code size} leaves. */
  public static byte[] root(long size, NodeStore store) {
    requireSize(size);
    if (size == 0) {
      return MerkleHash.emptyRoot();
    }
    return resolve(List.of(new long[] {0, size}), store).get(0);
  }

  /**
   * {@code PATH(index, D[0:size])} (RFC 9162 §2.1.3.1): the sibling heads from the leaf up to the
   * root, lowest first.
   */
  public static List<byte[]> inclusion(long index, long size, NodeStore store) {
    requireSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index must be in [0, " + size + ") but was " + index);
    }
    List<long[]> ranges = new ArrayList<>();
    path(index, 0, size, ranges);
    return resolve(ranges, store);
  }

  /**
   * {@code PROOF(from, D[0:to])} (RFC 9162 §2.1.4.1): the heads proving the tree of {@code to}
   * leaves extends the tree of its first {@code from} leaves. Empty when {@code from} is 0 or
   * equals {@code to}.
   */
  public static List<byte[]> consistency(long from, long to, NodeStore store) {
    requireSize(to);
    if (from < 0 || from > to) {
      throw new IllegalArgumentException(
          "consistency proof needs 0 <= from <= to but from was " + from + " and to " + to);
    }
    List<long[]> ranges = new ArrayList<>();
    if (from > 0 && from < to) {
      subproof(from, 0, to, true, ranges);
    }
    return resolve(ranges, store);
  }

  /** The ranges of PATH(m, D[start:end]), bottom-up. */
  private static void path(long m, long start, long end, List<long[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(new long[] {start + k, end});
    } else {
      path(m - k, start + k, end, out);
      out.add(new long[] {start, start + k});
    }
  }

  /** The ranges of SUBPROOF(m, D[start:end], b), in proof order. */
  private static void subproof(long m, long start, long end, boolean b, List<long[]> out) {
    long n = end - start;
    if (m == n) {
      if (!b) {
        out.add(new long[] {start, end});
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, start + k, b, out);
      out.add(new long[] {start + k, end});
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(new long[] {start, start + k});
    }
  }

  /** The head of each range, fetching every complete subtree they need in one store call. */
  private static List<byte[]> resolve(List<long[]> ranges, NodeStore store) {
    Set<NodeId> needed = new LinkedHashSet<>();
    for (long[] r : ranges) {
      subtrees(r[0], r[1], needed);
    }
    Map<NodeId, byte[]> nodes = store.nodes(needed);
    List<byte[]> out = new ArrayList<>(ranges.size());
    for (long[] r : ranges) {
      out.add(head(r[0], r[1], nodes));
    }
    return out;
  }

  /** The complete subtrees {@code [start, end)} splits into, as MTH splits it. */
  private static void subtrees(long start, long end, Set<NodeId> out) {
    NodeId whole = completeNode(start, end);
    if (whole != null) {
      out.add(whole);
      return;
    }
    long k = largestPowerOfTwoBelow(end - start);
    subtrees(start, start + k, out);
    subtrees(start + k, end, out);
  }

  private static byte[] head(long start, long end, Map<NodeId, byte[]> nodes) {
    NodeId whole = completeNode(start, end);
    if (whole != null) {
      byte[] hash = nodes.get(whole);
      if (hash == null) {
        throw new IllegalStateException("node store has no hash for " + whole);
      }
      return hash;
    }
    long k = largestPowerOfTwoBelow(end - start);
    return MerkleHash.node(head(start, start + k, nodes), head(start + k, end, nodes));
  }

  /** The node covering exactly {@code [start, end)}, or null if that range is not one subtree. */
  static NodeId completeNode(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) != 1 || start % n != 0) {
      return null;
    }
    int level = Long.numberOfTrailingZeros(n);
    return new NodeId(level, start >>> level);
  }

  /** The largest power of two strictly less than {@code n} (n >= 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be >= 0 but was " + size);
    }
  }
}
