package io.fulcrum.engine.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash of the project: bundle content hashes, decision hashes, market data hashes,
 * compiled-policy cache keys and the audit chain's seals. Hex is lower case, 64 characters ({@link
 * HexFormat#of()}); text is hashed as its UTF-8 bytes.
 */
public final class Sha256 {

  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** A new digest, for hashing in several {@code update} calls; finish with {@link #hex}. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The 32-byte SHA-256 of {@code bytes}. */
  public static byte[] of(byte[] bytes) {
    return digest().digest(bytes);
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(of(bytes));
  }

  /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of everything {@code in} yields (read to its end, not closed). */
  public static String hex(InputStream in) {
    MessageDigest digest = digest();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stream to hash", e);
    }
    return hex(digest);
  }

  /** Hex of what {@code digest} has been given so far (and resets it). */
  public static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }

  /** Hex SHA-256 of the bytes {@code writer} writes, streamed into the digest without a copy. */
  public static String hexOfWritten(Writer writer) {
    MessageDigest digest = digest();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      writer.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bytes to hash", e);
    }
    return hex(digest);
  }

  /** Writes bytes to hash. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }
}
