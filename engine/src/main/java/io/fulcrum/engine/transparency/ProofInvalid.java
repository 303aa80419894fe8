package io.fulcrum.engine.transparency;

/**
 * A proof, checkpoint, signature or key did not verify; the message says which check failed and
 * with what values.
 */
public final class ProofInvalid extends RuntimeException {

  public ProofInvalid(String message) {
    super(message);
  }
}
