package io.fulcrum.engine.backtest;

import java.time.LocalDate;

/** A day whose h-day realised loss exceeded its margin; shortfall = loss - margin &gt; 0. */
public record Breach(LocalDate date, double margin, double loss, double shortfall) {}
