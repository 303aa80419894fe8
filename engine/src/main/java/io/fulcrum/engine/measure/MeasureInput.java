package io.fulcrum.engine.measure;

/**
 * What a risk measure is computed on. Each measure states which kinds it accepts.
 *
 * <p>Kinds are records in this package; a new kind is added to the {@code permits} list.
 */
public sealed interface MeasureInput
    permits ReturnSeries,
        PnlVector,
        PortfolioExposure,
        DerivativesPortfolio,
        MultiAssetPortfolio,
        HistoricalPortfolio {

  /** Short description for the explanation, e.g. {@code "returns n=250"}. */
  String summary();
}
