package io.fulcrum.admin.it;

import static io.fulcrum.admin.it.ServiceClient.AUDITOR;
import static io.fulcrum.admin.it.ServiceClient.DECIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.admin.it.ServiceClient.Reply;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.transparency.AuditLeaf;
import io.fulcrum.engine.transparency.Checkpoint;
import io.fulcrum.engine.transparency.DecisionLogVerifier;
import io.fulcrum.engine.transparency.NoteKeys;
import io.fulcrum.engine.transparency.ProofInvalid;
import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision log over HTTP (issue #16): checkpoints, the verifier key, proofs and leaves as an
 * auditor fetches them, verified offline with the engine's {@link DecisionLogVerifier} (what {@code
 * fulcrum audit} runs); and each attack on the stored log, made directly in the database (by {@link
 * LogTamperResource}), detected offline and by {@code /audit/verify}, then undone so the tests stay
 * independent. Run on H2 ({@code AuditProofIT}) and PostgreSQL ({@code AuditProofPostgresIT}).
 */
abstract class AuditProofContract {

  private static final String TAMPER = "api/v1/test-support/log/";

  @ArquillianResource URL deployed;

  ServiceClient client;

  static WebArchive builtWar() {
    ServerLog.prepare();
    File war = new File(System.getProperty("fulcrum.war", "target/fulcrum-policy-admin.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClass(LogTamperResource.class);
  }

  @BeforeEach
  void connect() {
    client = new ServiceClient(deployed);
  }

  @Test
  void decision_isProvenOffline_underTheSignedCheckpoint() {
    String id = decide();
    String note = signCheckpoint();
    Checkpoint checkpoint = Checkpoint.open(note, key());
    assertThat(get("api/v1/audit/checkpoint").body()).isEqualTo(note);

    JsonNode leaf = get("api/v1/audit/leaf?decision=" + id).json();
    JsonNode proof = get("api/v1/audit/proof/inclusion?decision=" + id).json();
    assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
    assertThat(DecisionLogVerifier.verifyDecision(leafOf(leaf), inclusionOf(proof), note, key()))
        .anySatisfy(l -> assertThat(l).startsWith("inclusion: leaf "));

    // The leaf's decision column is the decision the service serves, byte for byte.
    JsonNode stored = get("api/v1/decisions/" + id).json();
    assertThat(leaf.at("/columns/decisionJson").asText())
        .isEqualTo(Json.canonical(stored.get("decision")));
    assertThat(leaf.at("/record/sequence").asLong()).isEqualTo(stored.get("sequence").asLong());

    JsonNode report = verify();
    assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.get("treeSize").asLong()).isEqualTo(report.get("headSequence").asLong());
    if (report.get("treeSize").asLong() == checkpoint.size()) {
      assertThat(report.get("treeRoot").asText())
          .isEqualTo(HexFormat.of().formatHex(checkpoint.rootHash()));
    }
  }

  @Test
  void twoCheckpoints_areProvenConsistent_andProofParametersAreChecked() {
    decide();
    Checkpoint older = Checkpoint.open(signCheckpoint(), key());
    String olderNote = signCheckpoint();
    decide();
    decide();
    String newerNote = signCheckpoint();
    Checkpoint newer = Checkpoint.open(newerNote, key());
    assertThat(newer.size()).isGreaterThanOrEqualTo(older.size() + 2);
    JsonNode proof =
        get("api/v1/audit/proof/consistency?from=" + older.size() + "&to=" + newer.size()).json();
    assertThat(
            DecisionLogVerifier.verifyConsistency(
                olderNote, newerNote, consistencyOf(proof), key()))
        .anySatisfy(l -> assertThat(l).contains("extends the tree of " + older.size()));

    Reply tooLarge = client.get("api/v1/audit/proof/consistency?from=1&to=999999999", AUDITOR);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.json().get("field").asText()).isEqualTo("to");
    Reply noDecision = client.get("api/v1/audit/proof/inclusion?decision=nope", AUDITOR);
    assertThat(noDecision.status()).isEqualTo(404);
    assertThat(client.get("api/v1/audit/proof/inclusion?decision=x", DECIDER).status())
        .isEqualTo(403);
    assertThat(client.get("api/v1/audit/key", DECIDER).body()).isEqualTo(key().encode() + "\n");
  }

  @Test
  void editedDecisionRow_isDetectedOffline_andByVerify() {
    String id = decide();
    String note = signCheckpoint();
    String previous = update("margin_decision", "id", id, false, "status", "LIQUIDATE");
    try {
      JsonNode leaf = get("api/v1/audit/leaf?decision=" + id).json();
      JsonNode proof = get("api/v1/audit/proof/inclusion?decision=" + id).json();
      assertThatThrownBy(
              () ->
                  DecisionLogVerifier.verifyDecision(leafOf(leaf), inclusionOf(proof), note, key()))
          .isInstanceOf(ProofInvalid.class)
          .hasMessageContaining("decision " + id + " was altered");
      assertThat(problem(verify())).contains(id).contains("was altered");
    } finally {
      update("margin_decision", "id", id, false, "status", previous);
    }
    assertIntact();
  }

  @Test
  void editedLeaf_isDetectedByTheProofsThatUseIt_andByVerify() {
    String a = decide();
    long index = leafIndex(a);
    while (index % 2 != 0) {
      a = decide();
      index = leafIndex(a);
    }
    String b = decide();
    assertThat(leafIndex(b)).isEqualTo(index + 1);
    String note = signCheckpoint();
    // Leaf b's stored hash is the first element of a's inclusion proof.
    long nodeKey = (index + 1) * 64;
    String previous =
        update("merkle_node", "node_key", Long.toString(nodeKey), true, "hash", "00".repeat(32));
    try {
      JsonNode proof = get("api/v1/audit/proof/inclusion?decision=" + a).json();
      JsonNode leaf = get("api/v1/audit/leaf?decision=" + a).json();
      assertThatThrownBy(
              () ->
                  DecisionLogVerifier.verifyDecision(leafOf(leaf), inclusionOf(proof), note, key()))
          .isInstanceOf(ProofInvalid.class)
          .hasMessageContaining("inclusion proof for leaf " + index + " leads to root");
      assertThat(problem(verify()))
          .contains("Merkle tree node (level 0, index " + (index + 1) + ") was edited");
    } finally {
      update("merkle_node", "node_key", Long.toString(nodeKey), true, "hash", previous);
    }
    assertIntact();
  }

  @Test
  void deletedRecord_isDetected() {
    String id = decide();
    decide();
    long sequence = leafIndex(id) + 1;
    String token = delete("audit_record", "sequence", Long.toString(sequence), true, false);
    try {
      assertThat(problem(verify())).contains("record " + sequence + " is missing");
      Reply leaf = client.get("api/v1/audit/leaf?decision=" + id, AUDITOR);
      assertThat(leaf.status()).isEqualTo(500);
      assertThat(leaf.body()).contains("not in the decision log");
    } finally {
      restore(token);
    }
    assertIntact();
  }

  @Test
  void recordInsertedInTheMiddle_isDetected() {
    String id = decide();
    decide();
    // A decision row of someone's making slipped in at chain position 1 (a policy event's record;
    // decision positions are unique), copied from a real one.
    String copy =
        client.post("api/v1/test-support/tamper/" + id + "/copy?sequence=1", null, "").body();
    assertThat(copy).doesNotStartWith("{");
    try {
      assertThat(problem(verify())).contains(copy).contains("inserted outside the chain");
      Reply leaf = client.get("api/v1/audit/leaf?decision=" + copy, AUDITOR);
      assertThat(leaf.status()).isEqualTo(500);
      assertThat(leaf.body()).contains("not in the decision log");
    } finally {
      client.send("DELETE", "api/v1/test-support/tamper/" + copy, null, null, null);
    }
    assertIntact();
  }

  @Test
  void truncatedLog_isDetectedAgainstTheSignedCheckpoint_andAppendsStop() {
    decide();
    String last = decide();
    String note = signCheckpoint();
    long size = Checkpoint.open(note, key()).size();
    long sequence = leafIndex(last) + 1;
    assertThat(sequence).isEqualTo(size);
    JsonNode record = get("api/v1/audit/leaf?decision=" + last).json().get("record");
    // Remove the last decision and its record, and move the head back: a consistent shorter chain.
    String decision = delete("margin_decision", "id", last, false, false);
    String records = delete("audit_record", "sequence", Long.toString(sequence), true, false);
    String headSequence =
        update("audit_chain_head", "id", "1", true, "last_sequence", Long.toString(size - 1));
    String headHash =
        update(
            "audit_chain_head", "id", "1", true, "last_hash", record.get("previousHash").asText());
    try {
      String problem = problem(verify());
      assertThat(problem).contains("but the chain has " + (size - 1) + " records");
      Reply refused =
          client.post("api/v1/decisions", DECIDER, DecisionServiceContract.request(account()));
      assertThat(refused.status()).isEqualTo(500);
      assertThat(refused.body()).contains("records were removed from the chain");
    } finally {
      update("audit_chain_head", "id", "1", true, "last_hash", headHash);
      update("audit_chain_head", "id", "1", true, "last_sequence", headSequence);
      restore(records);
      restore(decision);
    }
    assertIntact();
  }

  @Test
  void freshCheckpoint_unsignedOrSignedByAnotherKey_isRefused() {
    decide();
    signCheckpoint();
    JsonNode report = verify();
    long size = report.get("treeSize").asLong() + 1000;
    String root = report.get("treeRoot").asText();
    String origin = key().name();
    for (String signed : List.of("forged", "none")) {
      String note =
          client
              .post(
                  TAMPER
                      + "checkpoint?size="
                      + size
                      + "&origin="
                      + origin
                      + "&root="
                      + root
                      + "&signed="
                      + signed,
                  null,
                  "")
              .body();
      try {
        assertThat(get("api/v1/audit/checkpoint").body()).isEqualTo(note);
        assertThatThrownBy(() -> Checkpoint.open(note, key())).isInstanceOf(ProofInvalid.class);
        assertThat(problem(verify()))
            .contains("checkpoint of " + size + " leaves is not signed by the service key");
      } finally {
        delete("audit_checkpoint", "tree_size", Long.toString(size), true, false);
      }
    }
    assertIntact();
  }

  @Test
  void checkpointOfARewrittenTree_isNotAnExtensionOfTheEarlierOne() {
    decide();
    String olderNote = signCheckpoint();
    Checkpoint older = Checkpoint.open(olderNote, key());
    decide();
    // Checkpoints signed since (by the schedule) are set aside, then the stored right edge of the
    // tree is rewritten, and the service signs (with its real key) the tree it now believes in.
    String later = delete("audit_checkpoint", "tree_size", Long.toString(older.size()), true, true);
    String frontier = update("merkle_tree", "id", "1", true, "frontier", null);
    String rewritten = (frontier.charAt(0) == 'a' ? "b" : "a") + frontier.substring(1);
    update("merkle_tree", "id", "1", true, "frontier", rewritten);
    long newerSize = -1;
    try {
      String newerNote = signCheckpoint();
      Checkpoint newer = Checkpoint.open(newerNote, key());
      newerSize = newer.size();
      assertThat(newer.size()).isGreaterThan(older.size());
      JsonNode proof =
          get("api/v1/audit/proof/consistency?from=" + older.size() + "&to=" + newer.size()).json();
      assertThatThrownBy(
              () ->
                  DecisionLogVerifier.verifyConsistency(
                      olderNote, newerNote, consistencyOf(proof), key()))
          .isInstanceOf(ProofInvalid.class)
          .hasMessageContaining("the new tree does not extend the old one");
      assertThat(problem(verify())).contains("right edge");
    } finally {
      update("merkle_tree", "id", "1", true, "frontier", frontier);
      if (newerSize >= 0) {
        delete("audit_checkpoint", "tree_size", Long.toString(newerSize), true, false);
      }
      restore(later);
    }
    assertIntact();
  }

  // ---- helpers ----

  private String decide() {
    Reply r = client.post("api/v1/decisions", DECIDER, DecisionServiceContract.request(account()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static String account() {
    return "acc-proof-" + UUID.randomUUID();
  }

  private long leafIndex(String decisionId) {
    return get("api/v1/audit/leaf?decision=" + decisionId).json().get("leafIndex").asLong();
  }

  private String signCheckpoint() {
    Reply r = client.post("api/v1/audit/checkpoint", AUDITOR, "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private NoteKeys.Verifier key() {
    return NoteKeys.parseVerifier(get("api/v1/audit/key").body());
  }

  private Reply get(String path) {
    Reply r = client.get(path, AUDITOR);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r;
  }

  private JsonNode verify() {
    return get("api/v1/audit/verify").json();
  }

  private void assertIntact() {
    JsonNode report = verify();
    assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
  }

  private static String problem(JsonNode report) {
    assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
    return report.at("/firstBroken/problem").asText();
  }

  private String update(
      String table, String key, String keyValue, boolean numeric, String column, String value) {
    String path =
        TAMPER
            + "update?table="
            + table
            + "&key="
            + key
            + "&keyValue="
            + keyValue
            + "&numeric="
            + numeric
            + "&column="
            + column;
    if (value != null) {
      path += "&value=" + value + "&numericValue=" + column.equals("last_sequence");
    }
    Reply r = client.post(path, null, "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private String delete(String table, String key, String keyValue, boolean numeric, boolean above) {
    Reply r =
        client.post(
            TAMPER
                + "delete?table="
                + table
                + "&key="
                + key
                + "&keyValue="
                + keyValue
                + "&numeric="
                + numeric
                + "&above="
                + above,
            null,
            "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private void restore(String token) {
    Reply r = client.post(TAMPER + "restore/" + token, null, "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  static DecisionLogVerifier.LeafDocument leafOf(JsonNode doc) {
    JsonNode r = doc.get("record");
    AuditLeaf record =
        new AuditLeaf(
            r.get("sequence").asLong(),
            r.get("kind").asText(),
            r.get("subjectId").asText(),
            r.get("contentHash").asText(),
            r.get("previousHash").asText(),
            r.get("recordedAt").asText(),
            r.get("recordedBy").asText(),
            r.get("recordHash").asText());
    Map<String, String> columns = new LinkedHashMap<>();
    doc.get("columns")
        .fields()
        .forEachRemaining(
            e -> columns.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return new DecisionLogVerifier.LeafDocument(
        record,
        columns,
        doc.get("leafIndex").asLong(),
        Base64.getDecoder().decode(doc.get("leaf").asText()));
  }

  static DecisionLogVerifier.InclusionProof inclusionOf(JsonNode proof) {
    return new DecisionLogVerifier.InclusionProof(
        proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(), hashes(proof));
  }

  static DecisionLogVerifier.ConsistencyProof consistencyOf(JsonNode proof) {
    return new DecisionLogVerifier.ConsistencyProof(
        proof.get("from").asLong(), proof.get("to").asLong(), hashes(proof));
  }

  private static List<byte[]> hashes(JsonNode proof) {
    List<byte[]> out = new ArrayList<>();
    proof.get("hashes").forEach(h -> out.add(Base64.getDecoder().decode(h.asText())));
    return out;
  }
}
