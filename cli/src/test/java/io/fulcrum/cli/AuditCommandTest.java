package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.transparency.AuditLeaf;
import io.fulcrum.engine.transparency.Checkpoint;
import io.fulcrum.engine.transparency.FieldHash;
import io.fulcrum.engine.transparency.InMemoryNodeStore;
import io.fulcrum.engine.transparency.MerkleProofs;
import io.fulcrum.engine.transparency.NoteKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fulcrum audit verify-decision / verify-consistency} on a decision log built here the way
 * the service builds it (decision rows, chained audit records, RFC 9162 tree, signed checkpoints),
 * written to files in the service's JSON shapes: the honest files verify (exit 0); every tamper is
 * refused with exit 4 naming the check; malformed input is exit 2.
 */
class AuditCommandTest {

  private static final String ORIGIN = "fulcrum.test/decision-log";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final NoteKeys.Signer key = NoteKeys.generate(ORIGIN, new SecureRandom());
  private final List<AuditLeaf> records = new ArrayList<>();
  private final List<Map<String, String>> rows = new ArrayList<>();
  private final InMemoryNodeStore tree = new InMemoryNodeStore();

  @BeforeEach
  void logOfTwelveDecisions() throws IOException {
    String previous = "0".repeat(64);
    for (int i = 1; i <= 12; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String column : AuditLeaf.DECISION_COLUMNS) {
        row.put(column, column + "-" + i);
      }
      row.put("id", "decision-" + i);
      row.put("sequence", Integer.toString(i));
      row.put("idempotencyKey", null);
      row.put("decisionJson", "{\"account\":\"acc-" + i + "\",\"status\":\"OK\"}");
      String content = FieldHash.of(row.values().toArray(String[]::new));
      AuditLeaf unsealed =
          new AuditLeaf(
              i,
              "DECISION",
              row.get("id"),
              content,
              previous,
              "2026-11-30T12:00:0" + (i % 10) + "Z",
              "decider",
              null);
      AuditLeaf record =
          new AuditLeaf(
              i,
              "DECISION",
              row.get("id"),
              content,
              previous,
              unsealed.recordedAt(),
              "decider",
              unsealed.expectedRecordHash());
      records.add(record);
      rows.add(row);
      tree.appendLeaf(record.bytes());
      previous = record.recordHash();
    }
    Files.writeString(dir.resolve("verifier.key"), key.verifier().encode() + "\n");
    Files.writeString(dir.resolve("c8.txt"), checkpoint(8, key));
    Files.writeString(dir.resolve("c12.txt"), checkpoint(12, key));
  }

  @Test
  void verifyDecision_acceptsTheHonestFiles() throws IOException {
    writeDecision(5, leafDocument(5), 12);
    assertThat(verifyDecision("c12.txt")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("ok  checkpoint: signed by " + ORIGIN)
        .contains("ok  decision decision-5: its stored columns hash to the sealed content hash")
        .contains("ok  inclusion: leaf 4")
        .contains("VERIFIED");
  }

  @Test
  void editedDecisionRow_isNotVerified() throws IOException {
    ObjectNode doc = leafDocument(5);
    ((ObjectNode) doc.get("columns"))
        .put("decisionJson", "{\"account\":\"acc-5\",\"status\":\"LIQUIDATE\"}");
    writeDecision(5, doc, 12);
    assertThat(verifyDecision("c12.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("NOT VERIFIED: decision decision-5 was altered");
  }

  @Test
  void editedRecord_orLeaf_isNotVerified() throws IOException {
    ObjectNode doc = leafDocument(5);
    ((ObjectNode) doc.get("record")).put("recordedBy", "someone-else");
    writeDecision(5, doc, 12);
    assertThat(verifyDecision("c12.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("audit record 5 was altered");

    // A re-sealed record (its hash recomputed) makes another leaf: the proof no longer holds.
    AuditLeaf r = records.get(4);
    AuditLeaf forged =
        new AuditLeaf(
            5,
            r.kind(),
            r.subjectId(),
            r.contentHash(),
            r.previousHash(),
            r.recordedAt(),
            "someone-else",
            null);
    ObjectNode resealed = leafDocument(5);
    ((ObjectNode) resealed.get("record"))
        .put("recordedBy", "someone-else")
        .put("recordHash", forged.expectedRecordHash());
    resealed.remove("leaf");
    writeDecision(5, resealed, 12);
    err.getBuffer().setLength(0);
    assertThat(verifyDecision("c12.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("inclusion proof for leaf 4 leads to root");

    ObjectNode leafEdited = leafDocument(5);
    leafEdited.put("leaf", Base64.getEncoder().encodeToString("edited leaf\n".getBytes()));
    writeDecision(5, leafEdited, 12);
    err.getBuffer().setLength(0);
    assertThat(verifyDecision("c12.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("leaf bytes given differ");
  }

  @Test
  void checkpointByAnotherKey_orUnsigned_orForAnotherSize_isNotVerified() throws IOException {
    writeDecision(5, leafDocument(5), 12);
    NoteKeys.Signer attacker = NoteKeys.generate(ORIGIN, new SecureRandom());
    Files.writeString(dir.resolve("forged.txt"), checkpoint(12, attacker));
    assertThat(verifyDecision("forged.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("carries no signature by " + key.verifier().encode());

    Files.writeString(dir.resolve("unsigned.txt"), new Checkpoint(ORIGIN, 12, tree.root()).body());
    err.getBuffer().setLength(0);
    assertThat(verifyDecision("unsigned.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("not a signed note");

    err.getBuffer().setLength(0);
    assertThat(verifyDecision("c8.txt")).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString())
        .contains("the proof is for a tree of 12 leaves but the checkpoint signs 8");
  }

  @Test
  void verifyConsistency_acceptsAGrownLog_andRefusesARewrittenOne() throws IOException {
    writeConsistency(8, 12, MerkleProofs.consistency(8, 12, tree));
    assertThat(verifyConsistency("c8.txt", "c12.txt", true)).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("ok  consistency: the tree of 12 leaves extends the tree of 8");

    // The operator rewrites leaf 3 and signs (with the real key) a checkpoint of the new tree.
    InMemoryNodeStore rewritten = new InMemoryNodeStore();
    for (int i = 0; i < 12; i++) {
      rewritten.appendLeaf(i == 2 ? "rewritten".getBytes() : records.get(i).bytes());
    }
    Files.writeString(
        dir.resolve("c12-rewritten.txt"), new Checkpoint(ORIGIN, 12, rewritten.root()).sign(key));
    writeConsistency(8, 12, MerkleProofs.consistency(8, 12, rewritten));
    err.getBuffer().setLength(0);
    assertThat(verifyConsistency("c8.txt", "c12-rewritten.txt", true))
        .isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("the new tree does not extend the old one");

    // Truncated: a "newer" checkpoint of fewer leaves.
    writeConsistency(12, 8, List.of());
    err.getBuffer().setLength(0);
    assertThat(verifyConsistency("c12.txt", "c8.txt", false)).isEqualTo(AuditCommand.NOT_VERIFIED);
    assertThat(err.toString()).contains("cannot extend");
  }

  @Test
  void malformedInput_isExit2_namingTheFile() throws IOException {
    Files.writeString(dir.resolve("d.json"), "{not json");
    Files.writeString(dir.resolve("p.json"), "{}");
    assertThat(verifyDecision("c12.txt")).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("d.json: not JSON");
    Files.writeString(dir.resolve("bad.key"), "PeterNeumann+00000000+AAAA");
    writeDecision(5, leafDocument(5), 12);
    CommandLine cli = cli();
    int code =
        cli.execute(
            "audit",
            "verify-decision",
            "--decision",
            file("d.json"),
            "--proof",
            file("p.json"),
            "--checkpoint",
            file("c12.txt"),
            "--key",
            file("bad.key"));
    assertThat(code).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("bad.key: not a verifier key");
  }

  private String checkpoint(int size, NoteKeys.Signer signer) {
    return new Checkpoint(ORIGIN, size, MerkleProofs.root(size, tree)).sign(signer);
  }

  /** The leaf document as GET /api/v1/audit/leaf serves it. */
  private ObjectNode leafDocument(int sequence) {
    AuditLeaf r = records.get(sequence - 1);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", AuditLeaf.FORMAT).put("decisionId", r.subjectId());
    doc.put("leafIndex", r.leafIndex());
    doc.put("leaf", Base64.getEncoder().encodeToString(r.bytes()));
    ObjectNode record = doc.putObject("record");
    record.put("sequence", r.sequence()).put("kind", r.kind()).put("subjectId", r.subjectId());
    record.put("contentHash", r.contentHash()).put("previousHash", r.previousHash());
    record.put("recordedAt", r.recordedAt()).put("recordedBy", r.recordedBy());
    record.put("recordHash", r.recordHash());
    ObjectNode columns = doc.putObject("columns");
    rows.get(sequence - 1).forEach(columns::put);
    return doc;
  }

  private void writeDecision(int sequence, ObjectNode doc, int size) throws IOException {
    Files.writeString(dir.resolve("d.json"), doc.toString());
    ObjectNode proof = JSON.createObjectNode();
    proof.put("decisionId", "decision-" + sequence).put("leafIndex", sequence - 1);
    proof.put("treeSize", size);
    ArrayNode hashes = proof.putArray("hashes");
    MerkleProofs.inclusion(sequence - 1, size, tree)
        .forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
    Files.writeString(dir.resolve("p.json"), proof.toString());
  }

  private void writeConsistency(long from, long to, List<byte[]> proofHashes) throws IOException {
    ObjectNode proof = JSON.createObjectNode();
    proof.put("from", from).put("to", to);
    ArrayNode hashes = proof.putArray("hashes");
    proofHashes.forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
    Files.writeString(dir.resolve("cp.json"), proof.toString());
  }

  private int verifyDecision(String checkpoint) {
    return cli()
        .execute(
            "audit",
            "verify-decision",
            "--decision",
            file("d.json"),
            "--proof",
            file("p.json"),
            "--checkpoint",
            file(checkpoint),
            "--key",
            file("verifier.key"));
  }

  private int verifyConsistency(String older, String newer, boolean withKey) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "verify-consistency",
                "--old",
                file(older),
                "--new",
                file(newer),
                "--proof",
                file("cp.json")));
    if (withKey) {
      args.addAll(List.of("--key", file("verifier.key")));
    }
    return cli().execute(args.toArray(String[]::new));
  }

  private CommandLine cli() {
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }
}
