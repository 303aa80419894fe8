package io.fulcrum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulcrum.engine.transparency.AuditLeaf;
import io.fulcrum.engine.transparency.DecisionLogVerifier;
import io.fulcrum.engine.transparency.NoteKeys;
import io.fulcrum.engine.transparency.ProofInvalid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum audit}: verify the service's decision log offline, from files an auditor fetched
 * (a decision's leaf, proofs, signed checkpoints, the verifier key), with no database and no
 * service. Exit 0 verified, 4 does not verify (named check), 2 unreadable or malformed input.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify the decision log offline: a decision's inclusion, the log's consistency.",
    subcommands = {AuditCommand.VerifyDecision.class, AuditCommand.VerifyConsistency.class})
public final class AuditCommand {

  /** The exit code of a proof, signature or leaf that does not verify. */
  public static final int NOT_VERIFIED = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Command(
      name = "verify-decision",
      mixinStandardHelpOptions = true,
      description = {
        "Check that a decision is in the log under a signed checkpoint: the checkpoint's Ed25519"
            + " signature, the decision's stored columns against the content hash its audit record"
            + " sealed, the record's hash, the leaf, and the RFC 9162 inclusion proof against the"
            + " checkpoint's root.",
        "Exit 0 verified, 4 does not verify, 2 bad input."
      })
  static final class VerifyDecision implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
        names = "--decision",
        required = true,
        description = "the decision's leaf document: GET /api/v1/audit/leaf?decision=<id>")
    private Path decision;

    @Option(
        names = "--proof",
        required = true,
        description = "inclusion proof: GET /api/v1/audit/proof/inclusion?decision=<id>&size=<n>")
    private Path proof;

    @Option(
        names = "--checkpoint",
        required = true,
        description = "signed checkpoint: GET /api/v1/audit/checkpoint")
    private Path checkpoint;

    @Option(
        names = "--key",
        required = true,
        description = "verifier key, obtained out of band (GET /api/v1/audit/key)")
    private Path key;

    @Override
    public Integer call() throws IOException {
      JsonNode leafDoc = json(decision);
      JsonNode proofDoc = json(proof);
      DecisionLogVerifier.LeafDocument leaf = leafDocument(leafDoc, decision);
      DecisionLogVerifier.InclusionProof inclusion =
          new DecisionLogVerifier.InclusionProof(
              number(proofDoc, "leafIndex", proof),
              number(proofDoc, "treeSize", proof),
              hashes(proofDoc, proof));
      NoteKeys.Verifier verifier = verifier(key);
      String note = Files.readString(checkpoint, StandardCharsets.UTF_8);
      return run(spec, () -> DecisionLogVerifier.verifyDecision(leaf, inclusion, note, verifier));
    }
  }

  @Command(
      name = "verify-consistency",
      mixinStandardHelpOptions = true,
      description = {
        "Check that the log of a newer checkpoint extends the log of an older one (nothing"
            + " rewritten or removed): both signatures (with --key) and the RFC 9162 consistency"
            + " proof between their tree sizes and roots.",
        "Exit 0 verified, 4 does not verify, 2 bad input."
      })
  static final class VerifyConsistency implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--old", required = true, description = "the older signed checkpoint")
    private Path older;

    @Option(names = "--new", required = true, description = "the newer signed checkpoint")
    private Path newer;

    @Option(
        names = "--proof",
        required = true,
        description = "consistency proof: GET /api/v1/audit/proof/consistency?from=<m>&to=<n>")
    private Path proof;

    @Option(
        names = "--key",
        description = "verifier key; without it the signatures are not checked (and it says so)")
    private Path key;

    @Override
    public Integer call() throws IOException {
      JsonNode proofDoc = json(proof);
      DecisionLogVerifier.ConsistencyProof consistency =
          new DecisionLogVerifier.ConsistencyProof(
              number(proofDoc, "from", proof),
              number(proofDoc, "to", proof),
              hashes(proofDoc, proof));
      NoteKeys.Verifier verifier = key == null ? null : verifier(key);
      String old = Files.readString(older, StandardCharsets.UTF_8);
      String now = Files.readString(newer, StandardCharsets.UTF_8);
      return run(
          spec, () -> DecisionLogVerifier.verifyConsistency(old, now, consistency, verifier));
    }
  }

  private static int run(CommandSpec spec, Callable<List<String>> check) {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      for (String line : check.call()) {
        out.println("ok  " + line);
      }
      out.println("VERIFIED");
      out.flush();
      return FulcrumCli.OK;
    } catch (ProofInvalid e) {
      err.println("NOT VERIFIED: " + e.getMessage());
      err.flush();
      return NOT_VERIFIED;
    } catch (IllegalArgumentException e) {
      err.println("bad input: " + e.getMessage());
      err.flush();
      return FulcrumCli.BAD_INPUT;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static NoteKeys.Verifier verifier(Path file) throws IOException {
    try {
      return NoteKeys.parseVerifier(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not a verifier key: " + e.getMessage(), e);
    }
  }

  private static JsonNode json(Path file) throws IOException {
    try {
      return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage(), e);
    }
  }

  static DecisionLogVerifier.LeafDocument leafDocument(JsonNode doc, Path file) {
    JsonNode r = doc.path("record");
    if (!r.isObject()) {
      throw new IllegalArgumentException(file + ": no \"record\" object (a leaf document?)");
    }
    AuditLeaf record =
        new AuditLeaf(
            number(r, "sequence", file),
            text(r, "kind", file),
            text(r, "subjectId", file),
            text(r, "contentHash", file),
            text(r, "previousHash", file),
            text(r, "recordedAt", file),
            text(r, "recordedBy", file),
            text(r, "recordHash", file));
    Map<String, String> columns = null;
    if (doc.path("columns").isObject()) {
      columns = new LinkedHashMap<>();
      for (var it = doc.get("columns").fields(); it.hasNext(); ) {
        var e = it.next();
        columns.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
    }
    byte[] leafBytes =
        doc.hasNonNull("leaf") ? base64(doc.get("leaf").asText(), file + ": leaf") : null;
    return new DecisionLogVerifier.LeafDocument(
        record, columns, number(doc, "leafIndex", file), leafBytes);
  }

  private static List<byte[]> hashes(JsonNode doc, Path file) {
    JsonNode hashes = doc.path("hashes");
    if (!hashes.isArray()) {
      throw new IllegalArgumentException(file + ": no \"hashes\" array (a proof?)");
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      out.add(base64(hashes.get(i).asText(), file + ": hashes[" + i + "]"));
    }
    return out;
  }

  private static long number(JsonNode doc, String field, Path file) {
    JsonNode n = doc.path(field);
    if (!n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new IllegalArgumentException(file + ": \"" + field + "\" must be a whole number");
    }
    return n.asLong();
  }

  private static String text(JsonNode doc, String field, Path file) {
    JsonNode n = doc.path(field);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(file + ": \"" + field + "\" must be a string");
    }
    return n.asText();
  }

  private static byte[] base64(String text, String what) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64");
    }
  }
}
