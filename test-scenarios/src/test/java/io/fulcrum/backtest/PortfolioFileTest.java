package io.fulcrum.backtest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest portfolio file with a key twice is refused; no value silently wins. */
class PortfolioFileTest {

  @TempDir Path dir;

  @Test
  void aDuplicateKey_isRefusedWithItsLine_withoutJacksonInternals() throws Exception {
    Path file = dir.resolve("book.yaml");
    Files.writeString(
        file,
        """
        name: book
        currency: USD
        positions:
          - {asset: BTC, quantity: 2.0, quantity: 200}
        """);
    assertThatThrownBy(() -> PortfolioFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("book.yaml:4: duplicate key 'quantity'")
        .hasMessageNotContaining("Source");
  }

  @Test
  void aRefusedPosition_isReportedAtItsOwnItem() throws Exception {
    // The parser only refuses the item once it stands on the next key (line 6).
    Path file = dir.resolve("book.yaml");
    Files.writeString(
        file,
        """
        positions:
          - asset: BTC
            quantity: 1.5
          - asset: ETH
            quantity: 0
        name: book
        currency: USD
        """);
    assertThatThrownBy(() -> PortfolioFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "book.yaml:4: positions[].quantity of ETH must be a non-zero number but was 0.0");
  }
}
