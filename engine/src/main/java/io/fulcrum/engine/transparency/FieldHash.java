package io.fulcrum.engine.transparency;

import io.fulcrum.engine.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The audit chain's field hash, for offline verification: hex SHA-256 over fields each written as
 * {@code <UTF-8 byte length>:<bytes>} (a null field as {@code -1:}), so no two field lists hash
 * alike. The service's {@code ContentHash} computes the same (a test checks both agree).
 */
public final class FieldHash {

  private FieldHash() {}

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
