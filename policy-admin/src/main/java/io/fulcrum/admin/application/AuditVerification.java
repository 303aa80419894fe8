package io.fulcrum.admin.application;

import io.fulcrum.admin.application.ChainReport.BrokenLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Walks the audit chain: each record's hash must match its fields, each must name the previous
 * record's hash, sequences must have no gaps, each sealed row must still have the content hash it
 * was sealed with, and the head must name the last record. Then no row may lie outside the chain
 * (an audit record, decision or policy event above the head, or a decision or event at or below it
 * that the record at its sequence does not name), and every policy version row must agree with its
 * sealed lifecycle events (state, bundle hash, author).
 */
@ApplicationScoped
public class AuditVerification {

  private static final int CHUNK = 500;
  private static final List<String> FAMILIES = List.of(ChainLink.DECISION, ChainLink.POLICY_PREFIX);

  /** The kind a report names for a policy version row that disagrees with its events. */
  public static final String POLICY_VERSION = "POLICY_VERSION";

  @Inject AuditChain chain;

  @Inject MerkleLog merkle;

  @Inject CheckpointSigner signer;

  /**
   * The chain as above, then the decision log's Merkle tree: every stored node, the stored right
   * edge and every signed checkpoint against the tree the records give.
   */
  public ChainReport verify() {
    // The checkpoints are read before the chain's snapshot, so none signed while this runs can
    // name a tree larger than the snapshot's head (which would read as a truncated log).
    TreeCheck tree = new TreeCheck(merkle, signer.verifier());
    AuditChain.Snapshot snapshot = chain.snapshot();
    AuditChain.Head head = snapshot.head();
    String previous = ContentHash.GENESIS;
    long checked = 0;
    long after = 0;
    while (after < head.sequence()) {
      List<ChainLink> links = chain.links(after, (int) Math.min(CHUNK, head.sequence() - after));
      if (links.isEmpty()) {
        break;
      }
      Map<String, String> current = new java.util.HashMap<>();
      for (String family : FAMILIES) {
        Set<String> ids =
            links.stream()
                .filter(l -> family.equals(ChainLink.family(l.kind())))
                .map(ChainLink::subjectId)
                .collect(Collectors.toSet());
        current.putAll(
            chain.currentContentHashes(
                family.equals(ChainLink.DECISION) ? family : PolicyEvent.Action.UPLOAD.chainKind(),
                ids));
      }
      for (ChainLink link : links) {
        String problem = check(link, after + 1, previous, current);
        if (problem != null) {
          return broken(
              checked,
              head,
              new BrokenLink(after + 1, link.kind(), link.subjectId(), problem),
              tree);
        }
        tree.add(link);
        previous = link.recordHash();
        after = link.sequence();
        checked++;
      }
      BrokenLink node = tree.compareStoredNodes();
      if (node != null) {
        return broken(checked, head, node, tree);
      }
    }
    if (after != head.sequence() || !previous.equals(head.hash())) {
      return broken(
          checked,
          head,
          new BrokenLink(
              after + 1,
              null,
              null,
              "the chain head names record "
                  + head.sequence()
                  + " but the chain ends at record "
                  + after
                  + " (records deleted, or the head row edited)"),
          tree);
    }
    BrokenLink outside = outsideTheChain(snapshot);
    if (outside == null) {
      outside = versionProblem(snapshot);
    }
    if (outside == null) {
      outside = tree.finish(head.sequence(), () -> chain.head().sequence());
    }
    if (outside != null) {
      return broken(checked, head, outside, tree);
    }
    return new ChainReport(
        true,
        checked,
        head.sequence(),
        head.hash(),
        null,
        tree.size(),
        tree.root(),
        tree.latestCheckpoint());
  }

  /** {@code row} reported as not covered by the chain, {@code why} completing the sentence. */
  private static BrokenLink outside(AuditChain.StoredRow row, String why) {
    return new BrokenLink(
        row.sequence(),
        row.kind(),
        row.id(),
        row.describe() + " is stored at sequence " + row.sequence() + why);
  }

  /** The first row the chain does not cover: above the head, or inserted below it. */
  private BrokenLink outsideTheChain(AuditChain.Snapshot snapshot) {
    long headSequence = snapshot.head().sequence();
    Optional<AuditChain.StoredRow> above =
        snapshot.rowsAbove().stream().min(Comparator.comparingLong(AuditChain.StoredRow::sequence));
    if (above.isPresent()) {
      return outside(
          above.get(),
          ", above the chain head " + headSequence + ": it was written" + " outside the service");
    }
    for (String kind : List.of(ChainLink.DECISION, PolicyEvent.Action.UPLOAD.chainKind())) {
      Optional<AuditChain.StoredRow> unsealed = chain.firstUnsealed(kind, headSequence);
      if (unsealed.isPresent()) {
        return outside(
            unsealed.get(),
            " but the audit record there does not name it: it was inserted outside the chain");
      }
    }
    return null;
  }

  /**
   * The first policy version row that disagrees with its lifecycle events. Runs after the walk and
   * {@link #outsideTheChain} found every event row sealed, so every stored event counts.
   */
  private BrokenLink versionProblem(AuditChain.Snapshot snapshot) {
    Map<String, List<PolicyEvent>> events =
        snapshot.events().stream()
            .collect(Collectors.groupingBy(PolicyEvent::ref, TreeMap::new, Collectors.toList()));
    for (PolicyVersion v : snapshot.versions()) {
      String problem = PolicyVersionSeal.problem(v, events.getOrDefault(v.ref(), List.of()));
      if (problem != null) {
        return new BrokenLink(snapshot.head().sequence(), POLICY_VERSION, v.ref(), problem);
      }
    }
    return null;
  }

  private static String check(
      ChainLink link, long expected, String previous, Map<String, String> current) {
    if (link.sequence() != expected) {
      return "record "
          + expected
          + " is missing (the next stored record is "
          + link.sequence()
          + ")";
    }
    if (!link.previousHash().equals(previous)) {
      return "record "
          + expected
          + " does not link to record "
          + (expected - 1)
          + " (previous hash differs): a record was replaced or edited";
    }
    if (!link.expectedRecordHash().equals(link.recordHash())) {
      return "audit record " + expected + " was edited (its fields no longer match its hash)";
    }
    if (!FAMILIES.contains(ChainLink.family(link.kind()))) {
      return "unknown subject kind '" + link.kind() + "'";
    }
    String what =
        ChainLink.DECISION.equals(link.kind()) ? "decision" : "policy event " + link.kind();
    String now = current.get(link.subjectId());
    if (now == null) {
      return what + " " + link.subjectId() + " was deleted";
    }
    if (!now.equals(link.contentHash())) {
      return what
          + " "
          + link.subjectId()
          + " was altered after it was stored (content hash "
          + now.substring(0, 12)
          + "... differs from sealed "
          + link.contentHash().substring(0, 12)
          + "...)";
    }
    return null;
  }

  private static ChainReport broken(
      long checked, AuditChain.Head head, BrokenLink link, TreeCheck tree) {
    return new ChainReport(
        false,
        checked,
        head.sequence(),
        head.hash(),
        link,
        tree.size(),
        tree.root(),
        tree.latestCheckpoint());
  }
}
