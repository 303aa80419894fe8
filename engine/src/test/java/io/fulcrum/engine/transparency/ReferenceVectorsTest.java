package io.fulcrum.engine.transparency;

import static io.fulcrum.engine.transparency.ReferenceVectors.CONSISTENCY;
import static io.fulcrum.engine.transparency.ReferenceVectors.EMPTY_TREE_HASH;
import static io.fulcrum.engine.transparency.ReferenceVectors.INCLUSION;
import static io.fulcrum.engine.transparency.ReferenceVectors.LEAVES;
import static io.fulcrum.engine.transparency.ReferenceVectors.ROOTS;
import static io.fulcrum.engine.transparency.ReferenceVectors.SOME_HASH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 hashing and proofs against transparency-dev/merkle's reference vectors
 * (proof/verify_test.go and proof/proof_test.go): the roots of the reference tree, the known
 * inclusion and consistency proofs (generated here from a node store, then verified), and the
 * corrupted probes that must all fail (wrong index or size, wrong leaf or root, garbage before or
 * after, a bit flipped in each element, a component removed or inserted).
 */
class ReferenceVectorsTest {

  @Test
  void roots_ofEveryPrefixOfTheReferenceTree_matchUpstream() {
    for (int size = 1; size <= 8; size++) {
      InMemoryNodeStore store = ReferenceVectors.store(size);
      assertThat(store.root()).as("root of %d leaves", size).isEqualTo(ROOTS.get(size - 1));
      assertThat(MerkleProofs.root(size, ReferenceVectors.store(8)))
          .as("root of the first %d of 8 leaves", size)
          .isEqualTo(ROOTS.get(size - 1));
    }
    assertThat(MerkleProofs.root(0, new InMemoryNodeStore())).isEqualTo(EMPTY_TREE_HASH);
  }

  @Test
  void inclusionProofs_generatedFromTheStore_areTheReferenceOnes_andVerify() {
    InMemoryNodeStore store = ReferenceVectors.store(8);
    for (ReferenceVectors.Inclusion v : INCLUSION) {
      long index = v.leaf() - 1;
      assertThat(MerkleProofs.inclusion(index, v.size(), store))
          .as("proof of leaf %d in %d", index, v.size())
          .containsExactlyElementsOf(v.proof());
      byte[] leafHash = MerkleHash.leaf(LEAVES.get((int) index));
      byte[] root = ROOTS.get((int) v.size() - 1);
      ProofVerifier.verifyInclusion(index, v.size(), leafHash, v.proof(), root);
      assertThat(ProofVerifier.rootFromInclusion(index, v.size(), leafHash, v.proof()))
          .isEqualTo(root);
      for (Probe p : corruptInclusion(index, v.size(), v.proof(), root, leafHash)) {
        assertThatThrownBy(
                () -> ProofVerifier.verifyInclusion(p.a, p.b, p.leaf, p.proof, p.root), p.desc)
            .as("inclusion probe '%s' for leaf %d of %d", p.desc, index, v.size())
            .isInstanceOf(ProofInvalid.class);
      }
    }
  }

  @Test
  void consistencyProofs_generatedFromTheStore_areTheReferenceOnes_andVerify() {
    InMemoryNodeStore store = ReferenceVectors.store(8);
    for (ReferenceVectors.Consistency v : CONSISTENCY) {
      assertThat(MerkleProofs.consistency(v.size1(), v.size2(), store))
          .as("proof %d -> %d", v.size1(), v.size2())
          .containsExactlyElementsOf(v.proof());
      byte[] root1 = ROOTS.get((int) v.size1() - 1);
      byte[] root2 = ROOTS.get((int) v.size2() - 1);
      ProofVerifier.verifyConsistency(v.size1(), v.size2(), v.proof(), root1, root2);
      if (v.proof().isEmpty()) {
        continue; // upstream probes only non-trivial proofs
      }
      for (Probe p : corruptConsistency(v.size1(), v.size2(), root1, root2, v.proof())) {
        try {
          ProofVerifier.verifyConsistency(p.a, p.b, p.proof, p.leaf, p.root);
          fail("consistency probe '%s' for %d -> %d verified", p.desc, v.size1(), v.size2());
        } catch (ProofInvalid expected) {
          // as it must
        } catch (IllegalArgumentException expected) {
          // a proof element of the wrong length is refused as malformed
        }
      }
    }
  }

  @Test
  void edgeCases_asTheReferenceVerifierDecides() {
    byte[] root1 =
        "don't care 1 ....................".substring(0, 32).getBytes(StandardCharsets.US_ASCII);
    byte[] root2 =
        "don't care 2 ....................".substring(0, 32).getBytes(StandardCharsets.US_ASCII);
    // sizes that are always consistent
    ProofVerifier.verifyConsistency(0, 0, List.of(), root1, root1);
    ProofVerifier.verifyConsistency(0, 1, List.of(), root1, root2);
    ProofVerifier.verifyConsistency(1, 1, List.of(), root2, root2);
    // same size, different roots; time travel; empty proof; roots match but proof not empty
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 1, List.of(), root1, root2))
        .isInstanceOf(ProofInvalid.class)
        .hasMessageContaining("rewritten");
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(2, 1, List.of(), root1, root2))
        .isInstanceOf(ProofInvalid.class);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 2, List.of(), root1, root2))
        .isInstanceOf(ProofInvalid.class);
    assertThatThrownBy(
            () ->
                ProofVerifier.verifyConsistency(
                    1, 1, List.of(EMPTY_TREE_HASH), EMPTY_TREE_HASH, EMPTY_TREE_HASH))
        .isInstanceOf(ProofInvalid.class);
    // inclusion in impossible trees
    for (long[] p : new long[][] {{0, 0}, {1, 0}, {2, 1}}) {
      assertThatThrownBy(
              () ->
                  ProofVerifier.verifyInclusion(p[0], p[1], SOME_HASH, List.of(), EMPTY_TREE_HASH))
          .isInstanceOf(ProofInvalid.class);
    }
    // single entry: the root is the leaf hash, the proof is empty
    byte[] hash = MerkleHash.leaf("data".getBytes(StandardCharsets.US_ASCII));
    ProofVerifier.verifyInclusion(0, 1, hash, List.of(), hash);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(0, 1, new byte[0], List.of(), hash))
        .isInstanceOf(ProofInvalid.class);
  }

  /** One corrupted probe: (index or size1, size or size2, leaf hash or root1, root or root2). */
  private record Probe(long a, long b, byte[] leaf, byte[] root, List<byte[]> proof, String desc) {}

  /** transparency-dev's corruptInclusionProof. */
  private static List<Probe> corruptInclusion(
      long i, long n, List<byte[]> proof, byte[] root, byte[] leaf) {
    List<Probe> out = new ArrayList<>();
    out.add(new Probe(i - 1, n, leaf, root, proof, "leafIndex - 1"));
    out.add(new Probe(i + 1, n, leaf, root, proof, "leafIndex + 1"));
    out.add(new Probe(i ^ 2, n, leaf, root, proof, "leafIndex ^ 2"));
    out.add(new Probe(i, n * 2, leaf, root, proof, "treeSize * 2"));
    out.add(new Probe(i, n / 2, leaf, root, proof, "treeSize / 2"));
    out.add(
        new Probe(
            i, n, "WrongLeaf".getBytes(StandardCharsets.US_ASCII), root, proof, "wrong leaf"));
    out.add(new Probe(i, n, leaf, EMPTY_TREE_HASH, proof, "empty root"));
    out.add(new Probe(i, n, leaf, SOME_HASH, proof, "random root"));
    out.add(new Probe(i, n, leaf, root, with(proof, new byte[0], false), "trailing garbage"));
    out.add(new Probe(i, n, leaf, root, with(proof, root, false), "trailing root"));
    out.add(new Probe(i, n, leaf, root, with(proof, new byte[0], true), "preceding garbage"));
    out.add(new Probe(i, n, leaf, root, with(proof, root, true), "preceding root"));
    for (int k = 0; k < proof.size(); k++) {
      out.add(new Probe(i, n, leaf, root, flipped(proof, k, 8), "modified proof[" + k + "] bit 3"));
    }
    if (!proof.isEmpty()) {
      out.add(new Probe(i, n, leaf, root, proof.subList(0, proof.size() - 1), "removed component"));
    }
    if (proof.size() > 1) {
      List<byte[]> inserted = new ArrayList<>();
      inserted.add(proof.get(0));
      inserted.add(SOME_HASH);
      inserted.addAll(proof.subList(1, proof.size()));
      out.add(new Probe(i, n, leaf, root, inserted, "inserted component"));
    }
    return out;
  }

  /** transparency-dev's corruptConsistencyProof. */
  private static List<Probe> corruptConsistency(
      long m, long n, byte[] r1, byte[] r2, List<byte[]> proof) {
    byte[] wrong = "WrongRoot".getBytes(StandardCharsets.US_ASCII);
    List<Probe> out = new ArrayList<>();
    out.add(new Probe(m - 1, n, r1, r2, proof, "size1 - 1"));
    out.add(new Probe(m + 1, n, r1, r2, proof, "size1 + 1"));
    out.add(new Probe(m ^ 2, n, r1, r2, proof, "size1 ^ 2"));
    out.add(new Probe(m, n * 2, r1, r2, proof, "size2 * 2"));
    out.add(new Probe(m, n / 2, r1, r2, proof, "size2 / 2"));
    out.add(new Probe(m, n, wrong, r2, proof, "wrong root1"));
    out.add(new Probe(m, n, r1, wrong, proof, "wrong root2"));
    out.add(new Probe(m, n, r2, r1, proof, "swapped roots"));
    out.add(new Probe(m, n, r1, r2, List.of(), "empty proof"));
    out.add(new Probe(m, n, r1, r2, with(proof, new byte[0], false), "trailing garbage"));
    out.add(new Probe(m, n, r1, r2, with(proof, r1, false), "trailing root1"));
    out.add(new Probe(m, n, r1, r2, with(proof, r2, false), "trailing root2"));
    out.add(new Probe(m, n, r1, r2, with(proof, new byte[0], true), "preceding garbage"));
    out.add(new Probe(m, n, r1, r2, with(proof, r1, true), "preceding root1"));
    out.add(new Probe(m, n, r1, r2, with(proof, r2, true), "preceding root2"));
    out.add(new Probe(m, n, r1, r2, with(proof, proof.get(0), true), "preceding proof[0]"));
    out.add(new Probe(m, n, r1, r2, proof.subList(0, proof.size() - 1), "truncated proof"));
    for (int k = 0; k < proof.size(); k++) {
      out.add(new Probe(m, n, r1, r2, flipped(proof, k, 16), "modified proof[" + k + "] bit 4"));
    }
    return out;
  }

  private static List<byte[]> with(List<byte[]> proof, byte[] extra, boolean front) {
    List<byte[]> out = new ArrayList<>(proof);
    out.add(front ? 0 : out.size(), extra);
    return out;
  }

  private static List<byte[]> flipped(List<byte[]> proof, int k, int mask) {
    List<byte[]> out = new ArrayList<>(proof);
    byte[] copy = out.get(k).clone();
    copy[0] ^= (byte) mask;
    out.set(k, copy);
    return out;
  }
}
