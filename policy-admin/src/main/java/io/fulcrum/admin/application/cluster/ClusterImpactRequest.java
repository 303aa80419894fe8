package io.fulcrum.admin.application.cluster;

/**
 * A distributed impact run: the evidence impact job's inputs (README, "Evidence before approval"),
 * with the baseline named or chosen as that job chooses it.
 *
 * @param policy the candidate's policy id
 * @param version the candidate version (any state: compiled from its stored content)
 * @param baseline the baseline as {@code id@version}; default: the active version, or the policy's
 *     latest approved one
 * @param suite the book under test-scenarios/books (or a suite); default perps-book.yaml
 * @param generate generated accounts for a book with a generate section (at most 100,000)
 */
public record ClusterImpactRequest(
    String policy, String version, String baseline, String suite, Integer generate) {}
