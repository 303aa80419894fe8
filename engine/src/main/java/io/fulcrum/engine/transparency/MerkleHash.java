package io.fulcrum.engine.transparency;

import io.fulcrum.engine.support.Sha256;
import java.security.MessageDigest;

/**
 * The RFC 9162 §2.1.1 hashes with SHA-256: a leaf is {@code SHA-256(0x00 || leaf)}, an interior
 * node {@code SHA-256(0x01 || left || right)}, and the empty tree {@code SHA-256()}. The prefixes
 * keep a leaf from ever passing for a node (second pre-image resistance). Thread-safe.
 */
public final class MerkleHash {

  /** Length of every hash, in bytes. */
  public static final int SIZE = 32;

  private MerkleHash() {}

  /** {@code SHA-256(0x00 || leaf)}. */
  public static byte[] leaf(byte[] leaf) {
    MessageDigest sha = Sha256.digest();
    sha.update((byte) 0x00);
    sha.update(leaf);
    return sha.digest();
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = Sha256.digest();
    sha.update((byte) 0x01);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** The root of the tree with no leaves: {@code SHA-256()} of nothing. */
  public static byte[] emptyRoot() {
    return Sha256.of(new byte[0]);
  }

  /** Refuses anything but a 32-byte hash, naming {@code what}. */
  static byte[] require(byte[] hash, String what) {
    if (hash == null || hash.length != SIZE) {
      throw new ProofInvalid(
          what
              + " must be a "
              + SIZE
              + "-byte SHA-256 hash but has "
              + (hash == null ? "none" : hash.length + " bytes"));
    }
    return hash;
  }
}
