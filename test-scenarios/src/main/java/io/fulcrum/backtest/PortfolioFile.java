package io.fulcrum.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.yaml.YamlDocument;
import io.fulcrum.engine.yaml.YamlFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  private PortfolioFile() {}

  public static BacktestPortfolio read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("portfolio file does not exist: " + file);
    }
    try {
      return Json.yaml()
          .readValue(Files.readString(file, StandardCharsets.UTF_8), BacktestPortfolio.class);
    } catch (JsonProcessingException e) {
      // the message without Jackson's source excerpt ("at [Source: ...]"): line and reason only
      String where = ":" + line(file, e);
      String why =
          e.getCause() instanceof IllegalArgumentException iae
              ? iae.getMessage()
              : e.getOriginalMessage().replace("Duplicate field", "duplicate key");
      throw new IllegalArgumentException("portfolio file " + file + where + ": " + why, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("portfolio file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The line of the value a binding problem is about (a refused position is reported at its own
   * item, not where the parser stood after it); for a syntax error the parser's line.
   */
  private static int line(Path file, JsonProcessingException e) {
    int parserLine = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return parserLine;
    }
    try {
      return YamlDocument.read(file).at(m).line();
    } catch (YamlFormatException notYaml) {
      return parserLine;
    }
  }
}
