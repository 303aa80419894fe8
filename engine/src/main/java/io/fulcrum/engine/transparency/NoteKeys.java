package io.fulcrum.engine.transparency;

import io.fulcrum.engine.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed-note Ed25519 keys (the format of golang.org/x/mod/sumdb/note). A verifier key is
 * {@code name+hex(keyId)+base64(0x01 || publicKey)}, a signer key {@code
 * PRIVATE+KEY+name+hex(keyId)+base64(0x01 || seed)}; the key ID is the first 4 bytes of {@code
 * SHA-256(name || 0x0A || 0x01 || publicKey)}. Uses the JDK's Ed25519 (RFC 8032).
 */
public final class NoteKeys {

  /** The signature type byte of Ed25519 in signed notes. */
  static final byte ED25519 = 0x01;

  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private NoteKeys() {}

  /** A signing key: its name and 32-byte Ed25519 seed. */
  public record Signer(String name, byte[] seed) {
    public Signer {
      requireName(name);
      if (seed == null || seed.length != 32) {
        throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
      }
      seed = seed.clone();
    }

    /** The matching verifier (derives the public key from the seed). */
    public Verifier verifier() {
      return new Verifier(name, publicKeyOf(seed));
    }

    /** {@code PRIVATE+KEY+name+keyid+base64(0x01||seed)}. */
    public String encode() {
      return PRIVATE_PREFIX
          + name
          + "+"
          + HexFormat.of().formatHex(verifier().keyId())
          + "+"
          + Base64.getEncoder().encodeToString(typed(seed));
    }

    PrivateKey privateKey() {
      try {
        return KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 is required of the JDK (17+)", e);
      }
    }
  }

  /** A verifying key: its name and 32-byte Ed25519 public key. */
  public record Verifier(String name, byte[] publicKey) {
    public Verifier {
      requireName(name);
      if (publicKey == null || publicKey.length != 32) {
        throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
      }
      publicKey = publicKey.clone();
    }

    /** First 4 bytes of {@code SHA-256(name || 0x0A || 0x01 || publicKey)}. */
    public byte[] keyId() {
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      byte[] input = new byte[nameBytes.length + 2 + 32];
      System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
      input[nameBytes.length] = '\n';
      input[nameBytes.length + 1] = ED25519;
      System.arraycopy(publicKey, 0, input, nameBytes.length + 2, 32);
      return Arrays.copyOf(Sha256.of(input), 4);
    }

    /** {@code name+keyid+base64(0x01||publicKey)}. */
    public String encode() {
      return name
          + "+"
          + HexFormat.of().formatHex(keyId())
          + "+"
          + Base64.getEncoder().encodeToString(typed(publicKey));
    }

    PublicKey publicKey509() {
      byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
      System.arraycopy(publicKey, 0, der, X509_PREFIX.length, 32);
      try {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        throw new ProofInvalid("verifier key " + name + " is not a valid Ed25519 key");
      }
    }
  }

  /** A new random signer named {@code name}. */
  public static Signer generate(String name, SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return new Signer(name, seed);
  }

  /** Reads {@code PRIVATE+KEY+name+keyid+key}, checking the key ID. */
  public static Signer parseSigner(String text) {
    String line = text.strip();
    if (!line.startsWith(PRIVATE_PREFIX)) {
      throw new IllegalArgumentException("a signer key starts with " + PRIVATE_PREFIX);
    }
    String[] parts = splitKey(line.substring(PRIVATE_PREFIX.length()), "signer key");
    Signer signer = new Signer(parts[0], untyped(parts[2], "signer key"));
    requireKeyId(parts[1], signer.verifier());
    return signer;
  }

  /** Reads {@code name+keyid+key}, checking the key ID. */
  public static Verifier parseVerifier(String text) {
    String[] parts = splitKey(text.strip(), "verifier key");
    Verifier verifier = new Verifier(parts[0], untyped(parts[2], "verifier key"));
    requireKeyId(parts[1], verifier);
    return verifier;
  }

  private static String[] splitKey(String text, String what) {
    int first = text.indexOf('+');
    int second = first < 0 ? -1 : text.indexOf('+', first + 1);
    if (first <= 0 || second < 0) {
      throw new IllegalArgumentException(what + " must read name+keyid+key but was '" + text + "'");
    }
    return new String[] {
      text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1)
    };
  }

  private static void requireKeyId(String hex, Verifier verifier) {
    if (!hex.equals(HexFormat.of().formatHex(verifier.keyId()))) {
      throw new IllegalArgumentException(
          "key ID "
              + hex
              + " does not match the key (it should be "
              + HexFormat.of().formatHex(verifier.keyId())
              + ")");
    }
  }

  private static byte[] untyped(String base64, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64: " + e.getMessage());
    }
    if (bytes.length != 33 || bytes[0] != ED25519) {
      throw new IllegalArgumentException(what + " is not an Ed25519 key (0x01 and 32 bytes)");
    }
    return Arrays.copyOfRange(bytes, 1, 33);
  }

  private static byte[] typed(byte[] key) {
    byte[] out = new byte[33];
    out[0] = ED25519;
    System.arraycopy(key, 0, out, 1, 32);
    return out;
  }

  static void requireName(String name) {
    if (name == null
        || name.isEmpty()
        || name.contains("+")
        || name.codePoints()
            .anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "a key name must be non-empty, without '+' or spaces, but was '" + name + "'");
    }
  }

  /** RFC 8032 derives the public key from the seed; the JDK exposes that only via generation. */
  private static byte[] publicKeyOf(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      KeyPair pair = generator.generateKeyPair();
      byte[] der = pair.getPublic().getEncoded();
      return Arrays.copyOfRange(der, der.length - 32, der.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required of the JDK (17+)", e);
    }
  }

  /** Hands the key generator exactly the seed, so it derives that seed's key pair. */
  private static final class SeedRandom extends SecureRandom {
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("Ed25519 generator asked for " + bytes.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
