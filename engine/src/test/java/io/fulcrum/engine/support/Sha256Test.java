package io.fulcrum.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Against the published test vectors of FIPS 180-2 (appendix B) and NIST's example values. */
class Sha256Test {

  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String TWO_BLOCKS =
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
  static final String TWO_BLOCK_MESSAGE =
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

  @Test
  void hexOfText_matchesThePublishedVectors() {
    assertThat(Sha256.hex("abc")).isEqualTo(ABC);
    assertThat(Sha256.hex("")).isEqualTo(EMPTY);
    assertThat(Sha256.hex(TWO_BLOCK_MESSAGE)).isEqualTo(TWO_BLOCKS);
  }

  @Test
  void bytesStreamsDigestsAndWrittenBytes_giveTheSameHex() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertThat(Sha256.hex(abc)).isEqualTo(ABC);
    assertThat(Sha256.of(abc)).hasSize(32).startsWith((byte) 0xba, (byte) 0x78);
    assertThat(Sha256.hex(new ByteArrayInputStream(abc))).isEqualTo(ABC);
    MessageDigest d = Sha256.digest();
    d.update((byte) 'a');
    d.update("bc".getBytes(StandardCharsets.US_ASCII));
    assertThat(Sha256.hex(d)).isEqualTo(ABC);
    assertThat(Sha256.hexOfWritten(out -> out.write(abc))).isEqualTo(ABC);
  }

  @Test
  void aStreamLongerThanTheBuffer_isHashedWhole() {
    // One million 'a' (FIPS 180-2 appendix B.3).
    byte[] million = "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
    assertThat(Sha256.hex(new ByteArrayInputStream(million)))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  @Test
  void textIsHashedAsUtf8() {
    // "€" is E2 82 AC in UTF-8; its digest differs from the one of its ISO-8859-15 byte A4.
    assertThat(Sha256.hex("€"))
        .isEqualTo(Sha256.hex(new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}));
    assertThat(Sha256.hex("€")).isNotEqualTo(Sha256.hex(new byte[] {(byte) 0xA4}));
  }
}
