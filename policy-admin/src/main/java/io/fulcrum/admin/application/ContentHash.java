package io.fulcrum.admin.application;

import io.fulcrum.engine.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * SHA-256 over a sequence of fields, each length-prefixed so that no two different field lists hash
 * alike ("ab","c" vs "a","bc"); null is distinct from the empty string.
 */
public final class ContentHash {

  /** The previous-hash of the first record. */
  public static final String GENESIS = "0".repeat(64);

  private ContentHash() {}

  public static String of(String... fields) {
    MessageDigest sha = Sha256.digest();
    for (String field : fields) {
      if (field == null) {
        sha.update("-1:".getBytes(StandardCharsets.US_ASCII));
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
      }
    }
    return Sha256.hex(sha);
  }
}
