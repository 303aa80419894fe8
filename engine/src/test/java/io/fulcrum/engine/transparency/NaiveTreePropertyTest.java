package io.fulcrum.engine.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: for random tree sizes, the store-backed roots and proofs equal those of a naive
 * implementation written straight from RFC 9162 §2.1.1-2.1.4 recursions over the full leaf list
 * (recomputing every subtree), and every proof verifies while a one-bit change does not. Seeded, so
 * a failure reproduces.
 */
class NaiveTreePropertyTest {

  private static final long SEED = 20261130L;

  @Test
  void storeBackedTree_agreesWithNaiveRecursion_forRandomSizes() {
    Random random = new Random(SEED);
    InMemoryNodeStore store = new InMemoryNodeStore();
    List<byte[]> leaves = new ArrayList<>();
    for (int round = 0; round < 60; round++) {
      int grow = 1 + random.nextInt(round < 30 ? 9 : 70);
      for (int i = 0; i < grow; i++) {
        byte[] leaf = new byte[random.nextInt(40)];
        random.nextBytes(leaf);
        leaves.add(leaf);
        store.appendLeaf(leaf);
      }
      int n = leaves.size();
      assertThat(store.root()).isEqualTo(mth(leaves.subList(0, n)));
      for (int probe = 0; probe < 8; probe++) {
        int size = 1 + random.nextInt(n);
        int index = random.nextInt(size);
        List<byte[]> proof = MerkleProofs.inclusion(index, size, store);
        assertThat(proof)
            .as("PATH(%d, %d)", index, size)
            .containsExactlyElementsOf(path(index, leaves.subList(0, size)));
        byte[] root = mth(leaves.subList(0, size));
        byte[] leafHash = MerkleHash.leaf(leaves.get(index));
        ProofVerifier.verifyInclusion(index, size, leafHash, proof, root);
        if (!proof.isEmpty()) {
          List<byte[]> bad = flip(proof, random);
          assertThatThrownBy(() -> ProofVerifier.verifyInclusion(index, size, leafHash, bad, root))
              .isInstanceOf(ProofInvalid.class);
        }

        int from = random.nextInt(size + 1);
        List<byte[]> consistency = MerkleProofs.consistency(from, size, store);
        List<byte[]> expected =
            from == 0 || from == size ? List.of() : subproof(from, leaves.subList(0, size), true);
        assertThat(consistency).as("PROOF(%d, %d)", from, size).containsExactlyElementsOf(expected);
        byte[] oldRoot = from == 0 ? MerkleHash.emptyRoot() : mth(leaves.subList(0, from));
        ProofVerifier.verifyConsistency(from, size, consistency, oldRoot, root);
        if (!consistency.isEmpty()) {
          List<byte[]> bad = flip(consistency, random);
          assertThatThrownBy(() -> ProofVerifier.verifyConsistency(from, size, bad, oldRoot, root))
              .isInstanceOf(ProofInvalid.class);
        }
      }
    }
  }

  @Test
  void compactTree_roundTripsItsFrontier_andContinuesAppending() {
    Random random = new Random(SEED + 1);
    CompactTree tree = CompactTree.empty();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] leaf = new byte[8];
      random.nextBytes(leaf);
      leaves.add(leaf);
      tree = CompactTree.decode(tree.size(), tree.encode());
      tree.append(MerkleHash.leaf(leaf));
      assertThat(tree.root()).isEqualTo(mth(leaves));
    }
  }

  private static List<byte[]> flip(List<byte[]> proof, Random random) {
    List<byte[]> out = new ArrayList<>(proof);
    int k = random.nextInt(out.size());
    byte[] copy = out.get(k).clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    out.set(k, copy);
    return out;
  }

  /** MTH(D[n]), RFC 9162 §2.1.1, recursively over the full list. */
  static byte[] mth(List<byte[]> d) {
    if (d.isEmpty()) {
      return MerkleHash.emptyRoot();
    }
    if (d.size() == 1) {
      return MerkleHash.leaf(d.get(0));
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return MerkleHash.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  /** PATH(m, D[n]), RFC 9162 §2.1.3.1. */
  static List<byte[]> path(int m, List<byte[]> d) {
    List<byte[]> out = new ArrayList<>();
    if (d.size() <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(path(m - k, d.subList(k, d.size())));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** SUBPROOF(m, D[n], b), RFC 9162 §2.1.4.1. */
  static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    List<byte[]> out = new ArrayList<>();
    int n = d.size();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  @Test
  void naiveReference_itselfReproducesTheUpstreamRoots() {
    for (int size = 1; size <= 8; size++) {
      assertThat(
              Arrays.equals(
                  mth(ReferenceVectors.LEAVES.subList(0, size)),
                  ReferenceVectors.ROOTS.get(size - 1)))
          .isTrue();
    }
  }
}
