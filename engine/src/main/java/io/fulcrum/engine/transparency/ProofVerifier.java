package io.fulcrum.engine.transparency;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies RFC 9162 proofs with nothing but the hashes: inclusion (§2.1.3.2) and consistency
 * (§2.1.4.2). Every failure throws {@link ProofInvalid} saying which check failed. Edge cases as
 * transparency-dev/merkle's verifier: an empty tree proves nothing included; a tree is consistent
 * with itself (empty proof, equal roots) and every tree extends the empty one (empty proof).
 * Stateless and thread-safe.
 */
public final class ProofVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private ProofVerifier() {}

  /**
   * The root an inclusion proof leads to from {@code leafHash} at {@code index} of a tree of {@code
   * size} leaves.
   */
  public static byte[] rootFromInclusion(
      long index, long size, byte[] leafHash, List<byte[]> path) {
    if (size <= 0 || index < 0 || index >= size) {
      throw new ProofInvalid("leaf index " + index + " is not in a tree of " + size + " leaves");
    }
    byte[] r = MerkleHash.require(leafHash, "leaf hash");
    long fn = index;
    long sn = size - 1;
    for (int i = 0; i < path.size(); i++) {
      byte[] p = MerkleHash.require(path.get(i), "inclusion proof element " + i);
      if (sn == 0) {
        throw new ProofInvalid(
            "inclusion proof has "
                + path.size()
                + " hashes, more than a tree of "
                + size
                + " leaves needs for leaf "
                + index);
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofInvalid(
          "inclusion proof has "
              + path.size()
              + " hashes, fewer than a tree of "
              + size
              + " leaves needs for leaf "
              + index);
    }
    return r;
  }

  /**
   * Checks that {@code leafHash} is leaf {@code index} of the tree of {@code size} with {@code
   * root}.
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    MerkleHash.require(root, "root hash");
    byte[] computed = rootFromInclusion(index, size, leafHash, path);
    if (!Arrays.equals(computed, root)) {
      throw new ProofInvalid(
          "inclusion proof for leaf "
              + index
              + " leads to root "
              + HEX.formatHex(computed)
              + " but the tree of "
              + size
              + " leaves has root "
              + HEX.formatHex(root));
    }
  }

  /**
   * Checks that the tree of {@code size2} leaves with {@code root2} extends the tree of {@code
   * size1} leaves with {@code root1}: its first {@code size1} leaves are exactly those.
   */
  public static void verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    if (size1 < 0 || size2 < size1) {
      throw new ProofInvalid(
          "a tree of " + size2 + " leaves cannot extend one of " + size1 + " leaves");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new ProofInvalid("a tree's consistency with itself takes an empty proof");
      }
      if (!Arrays.equals(
          MerkleHash.require(root1, "old root"), MerkleHash.require(root2, "new root"))) {
        throw new ProofInvalid(
            "two trees of " + size1 + " leaves with different roots: the log was rewritten");
      }
      return;
    }
    if (size1 == 0) {
      if (!proof.isEmpty()) {
        throw new ProofInvalid("consistency with the empty tree takes an empty proof");
      }
      return;
    }
    if (proof.isEmpty()) {
      throw new ProofInvalid("consistency proof from " + size1 + " to " + size2 + " is empty");
    }
    MerkleHash.require(root1, "old root");
    MerkleHash.require(root2, "new root");
    for (int i = 0; i < proof.size(); i++) {
      MerkleHash.require(proof.get(i), "consistency proof element " + i);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    int start = 0;
    byte[] fr;
    byte[] sr;
    if (Long.bitCount(size1) == 1) {
      // size1 is a power of two: its root is a node of the new tree, the proof leaves it out.
      fr = root1;
      sr = root1;
    } else {
      fr = proof.get(0);
      sr = proof.get(0);
      start = 1;
    }
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    for (int i = start; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        throw new ProofInvalid(
            "consistency proof from " + size1 + " to " + size2 + " has too many hashes");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofInvalid(
          "consistency proof from " + size1 + " to " + size2 + " has too few hashes");
    }
    if (!Arrays.equals(fr, root1)) {
      throw new ProofInvalid(
          "consistency proof does not lead to the old root "
              + HEX.formatHex(root1)
              + " of "
              + size1
              + " leaves (it gives "
              + HEX.formatHex(fr)
              + "): the new tree does not extend the old one");
    }
    if (!Arrays.equals(sr, root2)) {
      throw new ProofInvalid(
          "consistency proof does not lead to the new root "
              + HEX.formatHex(root2)
              + " of "
              + size2
              + " leaves (it gives "
              + HEX.formatHex(sr)
              + "): the new tree does not extend the old one");
    }
  }
}
