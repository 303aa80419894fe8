package io.fulcrum.engine.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed-note and tlog-checkpoint against the reference example of golang.org/x/mod/sumdb/note
 * (its package documentation, and note_test.go): the PeterNeumann key pair, key ID c74f20a3, and
 * the byte-exact signed note. Ed25519 is deterministic (RFC 8032), so signing must reproduce it.
 */
class SignedNoteTest {

  static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String NOTE =
      TEXT
          + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void keys_parseAndReencode_withTheReferenceKeyId() {
    NoteKeys.Signer signer = NoteKeys.parseSigner(SKEY);
    NoteKeys.Verifier verifier = NoteKeys.parseVerifier(VKEY);
    assertThat(HexFormat.of().formatHex(verifier.keyId())).isEqualTo("c74f20a3");
    assertThat(signer.verifier().encode()).isEqualTo(VKEY);
    assertThat(signer.encode()).isEqualTo(SKEY);
  }

  @Test
  void sign_reproducesTheReferenceNoteByteForByte_andOpenReturnsTheText() {
    assertThat(SignedNote.sign(TEXT, NoteKeys.parseSigner(SKEY))).isEqualTo(NOTE);
    assertThat(SignedNote.open(NOTE, NoteKeys.parseVerifier(VKEY))).isEqualTo(TEXT);
  }

  @Test
  void open_refusesAlteredText_anotherKey_andMissingSignatures() {
    NoteKeys.Verifier verifier = NoteKeys.parseVerifier(VKEY);
    assertThatThrownBy(() -> SignedNote.open(NOTE.replace("answer", "Answer"), verifier))
        .isInstanceOf(ProofInvalid.class)
        .hasMessageContaining("does not verify");
    NoteKeys.Verifier other = NoteKeys.generate("PeterNeumann", new SecureRandom()).verifier();
    assertThatThrownBy(() -> SignedNote.open(NOTE, other))
        .isInstanceOf(ProofInvalid.class)
        .hasMessageContaining("no signature by");
    assertThatThrownBy(() -> SignedNote.open(TEXT, verifier)).isInstanceOf(ProofInvalid.class);
  }

  @Test
  void keyParsing_refusesAWrongKeyIdOrMangledKey() {
    assertThatThrownBy(
            () ->
                NoteKeys.parseVerifier(
                    "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key ID");
    assertThatThrownBy(
            () ->
                NoteKeys.parseVerifier(
                    "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkpoint_signsAndOpens_andRefusesAnotherOrigin() {
    NoteKeys.Signer signer = NoteKeys.generate("fulcrum.test/log", new SecureRandom());
    Checkpoint checkpoint = new Checkpoint("fulcrum.test/log", 8, ReferenceVectors.ROOTS.get(7));
    String note = checkpoint.sign(signer);
    // root: base64 of upstream ROOTS[7], computed with python3 base64.b64encode
    assertThat(note)
        .startsWith(
            "fulcrum.test/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\u2014 fulcrum.test/log ");
    assertThat(Checkpoint.open(note, signer.verifier())).isEqualTo(checkpoint);
    NoteKeys.Signer otherLog = NoteKeys.generate("other.log", new SecureRandom());
    String foreign = SignedNote.sign(checkpoint.body(), otherLog);
    assertThatThrownBy(() -> Checkpoint.open(foreign, otherLog.verifier()))
        .isInstanceOf(ProofInvalid.class)
        .hasMessageContaining("is for log 'fulcrum.test/log'");
  }
}
