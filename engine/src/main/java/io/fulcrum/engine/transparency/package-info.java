/**
 * A verifiable log: RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, inclusion and
 * consistency proofs (generated from a store of complete-subtree hashes, verified per RFC 9162
 * §2.1.3.2 and §2.1.4.2), and C2SP {@code tlog-checkpoint} bodies signed as C2SP {@code
 * signed-note}s with Ed25519. No database and no container: the service stores the nodes, the
 * command line verifies proofs with nothing but these classes.
 */
package io.fulcrum.engine.transparency;
