package io.fulcrum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named data sets as requests see them ({@link MarketDataSets#forRequests()} over a directory):
 * found by {@code name@version}; unknown, unversioned or out-of-directory names refused on {@code
 * market.history.dataSet} with the known sets listed.
 */
class RequestDataSetsTest {

  @TempDir Path dir;

  private void write(String file, String... closes) throws Exception {
    StringBuilder csv = new StringBuilder("Date,Close\n");
    for (int i = 0; i < closes.length; i++) {
      csv.append("2026-01-0").append(i + 1).append(',').append(closes[i]).append('\n');
    }
    Files.writeString(dir.resolve(file), csv);
  }

  @Test
  void aVersionedName_resolves_andUnknownOnesListTheKnownSets() throws Exception {
    write("btc-usd-daily.csv", "100", "101", "102");
    write("eth-usd-daily.csv", "10", "11");
    MarketDataSets sets = MarketDataLocation.setsAt(dir);
    String btc = sets.known().get(0);
    assertThat(btc).startsWith("btc-usd-daily@").hasSize("btc-usd-daily@".length() + 12);
    assertThat(sets.find(btc)).get().extracting(s -> s.history("BTC").size()).isEqualTo(3);

    assertThatThrownBy(() -> sets.find("btc-usd-daily@000000000000"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("market.history.dataSet: unknown market data set")
        .hasMessageContaining("known sets (name@version): [" + btc + ", eth-usd-daily@");
    assertThatThrownBy(() -> sets.find("btc-usd-daily"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("'btc-usd-daily' names no version")
        .hasMessageContaining(btc);
  }

  @Test
  void namesOutsideTheDirectory_areUnknown() throws Exception {
    Path inner = Files.createDirectories(dir.resolve("sets"));
    write("secret.csv", "1", "2");
    MarketDataSets sets = MarketDataLocation.setsAt(inner);
    String version =
        DirectoryMarketDataSets.load(
                "secret",
                java.util.List.of(dir.resolve("secret.csv")),
                MissingDataPolicy.SKIP_DAY,
                null)
            .version();
    assertThat(Files.isRegularFile(inner.resolve("../secret.csv"))).isTrue();
    assertThatThrownBy(() -> sets.find("../secret@" + version))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("no market data sets are configured");
  }

  @Test
  void aChangedFile_isReadAgain_andItsOldVersionIsGone() throws Exception {
    write("btc-usd-daily.csv", "100", "101");
    MarketDataSets sets = MarketDataLocation.setsAt(dir);
    String before = sets.known().get(0);
    assertThat(sets.find(before)).isPresent();
    write("btc-usd-daily.csv", "100", "101", "102");
    Files.setLastModifiedTime(
        dir.resolve("btc-usd-daily.csv"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThatThrownBy(() -> sets.find(before)).isInstanceOf(InvalidRequest.class);
    assertThat(sets.known().get(0)).isNotEqualTo(before);
  }
}
