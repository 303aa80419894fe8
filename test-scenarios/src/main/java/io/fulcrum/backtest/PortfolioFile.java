package io.fulcrum.backtest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a backtest portfolio from YAML or JSON:
 *
 * <pre>
 * name: btc-eth-10
 * currency: USD
 * positions:
 *   - {asset: BTC, quantity: 1.5}
 *   - {asset: ETH, quantity: -20}
 * </pre>
 */
public final class PortfolioFile {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private PortfolioFile() {}

  public static BacktestPortfolio read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("portfolio file does not exist: " + file);
    }
    try {
      return YAML.readValue(file.toFile(), BacktestPortfolio.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException("portfolio file " + file + ": " + cause.getMessage(), e);
    }
  }
}
