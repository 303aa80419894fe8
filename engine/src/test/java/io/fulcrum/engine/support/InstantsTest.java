package io.fulcrum.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {

  @Test
  void parse_readsUtcAndOffsets() {
    // 2026-11-25T12:00:00Z is 1,795,608,000 s after the epoch (20,782 days * 86,400 + 12 h).
    assertThat(Instants.parse("asOf", "2026-11-25T12:00:00Z").getEpochSecond())
        .isEqualTo(20_782L * 86_400 + 12 * 3_600);
    assertThat(Instants.parse("asOf", "2026-11-25T13:30:00+01:30"))
        .isEqualTo(Instant.ofEpochSecond(20_782L * 86_400 + 12 * 3_600));
    assertThat(Instants.parse("asOf", "2026-11-25T12:00:00.5Z").getNano()).isEqualTo(500_000_000);
  }

  @Test
  void badText_namesTheFieldAndTheValue() {
    assertThatThrownBy(() -> Instants.parse("effectiveAt", "2026-11-25 12:00"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage(
            "effectiveAt: '2026-11-25 12:00' is not an ISO-8601 instant such as"
                + " 2026-11-25T12:00:00Z")
        .extracting(e -> ((InvalidRequest) e).field())
        .isEqualTo("effectiveAt");
    assertThatThrownBy(() -> Instants.parse("from", " 2026-11-25T12:00:00Z"))
        .hasMessageStartingWith("from: ' 2026-11-25T12:00:00Z' is not");
    assertThatThrownBy(() -> Instants.parse("from", "  "))
        .hasMessage("from: is required: an ISO-8601 instant such as 2026-11-25T12:00:00Z");
  }

  @Test
  void parseOptional_leavesOutMissingValues() {
    assertThat(Instants.parseOptional("to", null)).isNull();
    assertThat(Instants.parseOptional("to", "")).isNull();
    assertThatThrownBy(() -> Instants.parseOptional("to", "tomorrow"))
        .hasMessageStartingWith("to: 'tomorrow' is not");
  }

  @Test
  void format_isUtcWithSecondsAndAFractionOnlyWhenNeeded() {
    Instant noon = Instant.ofEpochSecond(20_782L * 86_400 + 12 * 3_600);
    assertThat(Instants.format(noon)).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(Instants.format(noon.plusMillis(250))).isEqualTo("2026-11-25T12:00:00.250Z");
    assertThat(Instants.format(noon.plusNanos(1))).isEqualTo("2026-11-25T12:00:00.000000001Z");
    assertThat(Instants.format(noon.plusMillis(250))).isEqualTo(noon.plusMillis(250).toString());
    assertThat(Instants.format(null)).isNull();
  }
}
