package io.fulcrum.admin.application;

import io.fulcrum.admin.application.ChainReport.BrokenLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Walks the audit chain: each record's hash must match its fields, each must name the previous
 * record's hash, sequences must have no gaps, each sealed row must still have the content hash it
 * was sealed with, the head must name the last record, and no row may lie outside the chain.
 */
@ApplicationScoped
public class AuditVerification {

  private static final int CHUNK = 500;
  private static final List<String> FAMILIES = List.of(ChainLink.DECISION, ChainLink.POLICY_PREFIX);

  @Inject AuditChain chain;

  public ChainReport verify() {
    AuditChain.Head head = chain.head();
    String previous = ContentHash.GENESIS;
    long checked = 0;
    long after = 0;
    Map<String, Long> sealed = new java.util.HashMap<>();
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
              checked, head, new BrokenLink(after + 1, link.kind(), link.subjectId(), problem));
        }
        previous = link.recordHash();
        after = link.sequence();
        checked++;
        sealed.merge(ChainLink.family(link.kind()), 1L, Long::sum);
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
                  + " (records deleted, or the head row edited)"));
    }
    for (String family : FAMILIES) {
      String kind =
          family.equals(ChainLink.DECISION) ? family : PolicyEvent.Action.UPLOAD.chainKind();
      long rows = chain.subjectCount(kind, head.sequence());
      long records = sealed.getOrDefault(family, 0L);
      if (rows != records) {
        String what = family.equals(ChainLink.DECISION) ? "decision" : "policy event";
        return broken(
            checked,
            head,
            new BrokenLink(
                head.sequence(),
                family.equals(ChainLink.DECISION) ? family : null,
                null,
                rows
                    + " "
                    + what
                    + " rows up to sequence "
                    + head.sequence()
                    + " but "
                    + records
                    + " audit records: rows were inserted outside the chain"));
      }
    }
    return new ChainReport(true, checked, head.sequence(), head.hash(), null);
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

  private static ChainReport broken(long checked, AuditChain.Head head, BrokenLink link) {
    return new ChainReport(false, checked, head.sequence(), head.hash(), link);
  }
}
