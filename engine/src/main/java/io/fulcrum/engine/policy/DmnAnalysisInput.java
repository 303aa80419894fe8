package io.fulcrum.engine.policy;

/**
 * The DMN model that decision-table analysis reads, for callers outside the engine (the service's
 * authoring page analyses a table as the author edits it, exactly as upload validation does).
 */
public final class DmnAnalysisInput {

  private DmnAnalysisInput() {}

  /**
   * {@code content} with each string input column typed by the literals its rows name, so that the
   * KIE analysis reports a symbol no row lists as "not covered" rather than as a gap (see {@link
   * DmnTableAnalysis}).
   */
  public static String withEnumeratedStringColumns(byte[] content) throws Exception {
    return DmnTableAnalysis.withEnumeratedStringColumns(content);
  }
}
