package io.fulcrum.cli;

import io.fulcrum.backtest.PortfolioFile;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.MarginModel;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * What a backtest runs over, the same for {@code backtest} and {@code calibrate}: {@code
 * --portfolio FILE [--from D] [--to D] [--mpor DAYS]}.
 */
public final class BacktestWindowOption {

  @Option(
      names = "--portfolio",
      required = true,
      paramLabel = "FILE",
      description = "Portfolio YAML/JSON whose margin is backtested.")
  private Path portfolio;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First margin day (default: earliest with enough history).")
  private LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Last margin day (default: latest with a realised loss).")
  private LocalDate to;

  @Option(
      names = "--mpor",
      defaultValue = "2",
      paramLabel = "DAYS",
      description = "Margin period of risk in days (default ${DEFAULT-VALUE}).")
  private int mpor;

  /** The portfolio file, read (errors name the file and line). */
  public BacktestPortfolio portfolio() {
    return PortfolioFile.read(portfolio);
  }

  /** The backtest of {@code model} over this window at {@code confidence}. */
  public BacktestSpec spec(BacktestPortfolio book, MarginModel model, double confidence) {
    return new BacktestSpec(book, model, mpor, confidence, from, to);
  }
}
