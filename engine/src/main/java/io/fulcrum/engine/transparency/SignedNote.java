package io.fulcrum.engine.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed-note: the text (ending in a newline), a blank line, then signature lines {@code "—
 * name base64(keyId || signature)"} (an em dash, U+2014). The signature is Ed25519 over the text's
 * UTF-8 bytes. A note verifies when a signature line of the verifier's name and key ID holds;
 * signatures by other keys are ignored, as the format requires.
 */
public final class SignedNote {

  private static final String DASH = "\u2014 ";

  private SignedNote() {}

  /** The note: {@code text}, a blank line and the signature line of {@code signer}. */
  public static String sign(String text, NoteKeys.Signer signer) {
    requireText(text);
    byte[] signature;
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(signer.privateKey());
      ed.update(text.getBytes(StandardCharsets.UTF_8));
      signature = ed.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    byte[] blob = new byte[4 + signature.length];
    System.arraycopy(signer.verifier().keyId(), 0, blob, 0, 4);
    System.arraycopy(signature, 0, blob, 4, signature.length);
    return text
        + "\n"
        + DASH
        + signer.name()
        + " "
        + Base64.getEncoder().encodeToString(blob)
        + "\n";
  }

  /**
   * The text of {@code note} once a signature by {@code verifier} holds on it.
   *
   * @throws ProofInvalid when the note is malformed, has no signature by that key, or its signature
   *     does not verify
   */
  public static String open(String note, NoteKeys.Verifier verifier) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new ProofInvalid(
          "not a signed note: no blank line before the signatures, or no final newline");
    }
    String text = note.substring(0, split + 1);
    String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
    boolean named = false;
    for (String line : lines) {
      if (!line.startsWith(DASH)) {
        throw new ProofInvalid("malformed signature line '" + line + "' (must start with '— ')");
      }
      String[] parts = line.substring(DASH.length()).split(" ", -1);
      if (parts.length != 2) {
        throw new ProofInvalid("malformed signature line '" + line + "'");
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new ProofInvalid("signature of " + parts[0] + " is not base64");
      }
      if (!parts[0].equals(verifier.name())
          || blob.length < 4
          || !Arrays.equals(Arrays.copyOf(blob, 4), verifier.keyId())) {
        continue;
      }
      named = true;
      if (verifies(text, Arrays.copyOfRange(blob, 4, blob.length), verifier)) {
        return text;
      }
    }
    throw new ProofInvalid(
        named
            ? "the signature by "
                + verifier.encode()
                + " does not verify: the note was altered or signed by another key"
            : "the note carries no signature by " + verifier.encode());
  }

  private static boolean verifies(String text, byte[] signature, NoteKeys.Verifier verifier) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(verifier.publicKey509());
      ed.update(text.getBytes(StandardCharsets.UTF_8));
      return ed.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void requireText(String text) {
    if (text == null || text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
      throw new IllegalArgumentException(
          "note text must be non-empty lines ending in a newline, with no blank line");
    }
  }
}
