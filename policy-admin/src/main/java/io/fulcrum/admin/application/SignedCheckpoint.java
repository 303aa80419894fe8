package io.fulcrum.admin.application;

import java.time.Instant;

/**
 * A checkpoint of the decision log as signed and stored.
 *
 * @param rootHash hex root of the first {@code treeSize} leaves
 * @param note the C2SP signed note (checkpoint body, blank line, signature line)
 */
public record SignedCheckpoint(long treeSize, String rootHash, String note, Instant signedAt) {}
