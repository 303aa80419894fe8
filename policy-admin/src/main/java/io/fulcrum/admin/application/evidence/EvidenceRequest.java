package io.fulcrum.admin.application.evidence;

/**
 * What to run on a version.
 *
 * @param suite book or suite file name under test-scenarios/books or suites (IMPACT_BOOK; default
 *     perps-book.yaml)
 * @param generate generated accounts for a book with a generate section (IMPACT_BOOK, at most
 *     {@link EvidenceService#MAX_GENERATED})
 * @param decisions how many of the last stored decisions to replay (IMPACT_DECISIONS, at most
 *     {@link EvidenceService#MAX_DECISIONS}; default 1000)
 * @param portfolio backtest portfolio file name under test-scenarios/backtest (COVERAGE)
 * @param dataSet market data set reference, e.g. {@code btc-usd-daily} (COVERAGE)
 * @param mpor margin period of risk in days (COVERAGE, default 2)
 */
public record EvidenceRequest(
    String policy,
    String version,
    EvidenceKind kind,
    String suite,
    Integer generate,
    Integer decisions,
    String portfolio,
    String dataSet,
    Integer mpor) {}
