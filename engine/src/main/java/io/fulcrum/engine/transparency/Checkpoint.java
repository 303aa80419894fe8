package io.fulcrum.engine.transparency;

import java.util.Arrays;
import java.util.Base64;

/**
 * A C2SP {@code tlog-checkpoint} body: the log's origin line, its tree size in decimal and its root
 * hash in base64, each followed by a newline. Signed as a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

  public Checkpoint {
    if (origin == null || origin.isBlank() || origin.contains("\n")) {
      throw new IllegalArgumentException("checkpoint origin must be one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must be >= 0 but was " + size);
    }
    rootHash = MerkleHash.require(rootHash, "checkpoint root hash").clone();
  }

  /** {@code origin\nsize\nbase64(root)\n}. */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
  }

  /** The signed note of this checkpoint. */
  public String sign(NoteKeys.Signer signer) {
    return SignedNote.sign(body(), signer);
  }

  /**
   * The checkpoint in {@code note} once its signature by {@code verifier} holds and its origin is
   * the verifier's name.
   */
  public static Checkpoint open(String note, NoteKeys.Verifier verifier) {
    Checkpoint checkpoint = parse(SignedNote.open(note, verifier));
    if (!checkpoint.origin().equals(verifier.name())) {
      throw new ProofInvalid(
          "checkpoint is for log '"
              + checkpoint.origin()
              + "' but the key is for '"
              + verifier.name()
              + "'");
    }
    return checkpoint;
  }

  /** Reads a checkpoint body (extension lines after the third are allowed and ignored). */
  public static Checkpoint parse(String body) {
    String[] lines = body.split("\n", -1);
    if (lines.length < 4 || !body.endsWith("\n")) {
      throw new ProofInvalid("a checkpoint has an origin, a size and a root hash line");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new ProofInvalid("checkpoint size '" + lines[1] + "' is not a decimal number");
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new ProofInvalid("checkpoint root hash '" + lines[2] + "' is not base64");
    }
    if (root.length != MerkleHash.SIZE) {
      throw new ProofInvalid("checkpoint root hash has " + root.length + " bytes, not 32");
    }
    return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.origin.equals(origin)
        && c.size == size
        && Arrays.equals(c.rootHash, rootHash);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + Long.hashCode(size) * 17 + Arrays.hashCode(rootHash);
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }
}
