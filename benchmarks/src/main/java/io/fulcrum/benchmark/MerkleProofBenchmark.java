package io.fulcrum.benchmark;

import io.fulcrum.engine.transparency.AuditLeaf;
import io.fulcrum.engine.transparency.CompactTree;
import io.fulcrum.engine.transparency.InMemoryNodeStore;
import io.fulcrum.engine.transparency.MerkleProofs;
import io.fulcrum.engine.transparency.NodeId;
import io.fulcrum.engine.transparency.NodeStore;
import io.fulcrum.engine.transparency.ProofVerifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proofs over a decision log of 1,000,000 records (issue #16: < 10 ms each). The log is built once
 * per fork from 1,000,000 audit-record leaves ({@link AuditLeaf} bytes, 9 lines each as the service
 * writes them) appended through {@link CompactTree} into either store: {@code memory} (the engine's
 * {@link InMemoryNodeStore}) or {@code h2} (an embedded H2 database with the service's {@code
 * merkle_node} table of V2__merkle.sql, proofs fetching their nodes with one primary-key {@code IN}
 * query, as {@code JpaMerkleLog} does). Each invocation proves a random leaf or a random earlier
 * size, and the verify benchmark checks the proof as {@code fulcrum audit} does.
 *
 * <p>Run: {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main
 * MerkleProofBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class MerkleProofBenchmark {

  static final int LEAVES = 1_000_000;

  @Param({"memory", "h2"})
  public String store;

  private NodeStore nodes;
  private Connection h2;
  private byte[] root;
  private final SplittableRandom random = new SplittableRandom(16);
  private long index;
  private long from;
  private List<byte[]> proof;
  private byte[] leafHash;

  @Setup(Level.Trial)
  public void build() throws SQLException {
    InMemoryNodeStore memory = new InMemoryNodeStore();
    CompactTree tree = CompactTree.empty();
    PreparedStatement insert = null;
    if (store.equals("h2")) {
      h2 = DriverManager.getConnection("jdbc:h2:mem:merkle" + System.nanoTime());
      try (Statement s = h2.createStatement()) {
        s.execute(
            "create table merkle_node (node_key bigint not null, hash varchar(64) not null,"
                + " node_index bigint not null, node_level integer not null, primary key"
                + " (node_key))");
      }
      h2.setAutoCommit(false);
      insert =
          h2.prepareStatement(
              "insert into merkle_node (node_key, hash, node_index, node_level) values (?,?,?,?)");
    }
    String previous = "0".repeat(64);
    for (int i = 1; i <= LEAVES; i++) {
      AuditLeaf leaf =
          new AuditLeaf(
              i,
              "DECISION",
              "decision-" + i,
              hexOf(i),
              previous,
              "2026-11-30T12:00:00Z",
              "decider",
              hexOf(-i));
      previous = leaf.recordHash();
      byte[] hash = leaf.leafHash();
      if (insert == null) {
        memory.appendLeafHash(hash);
      } else {
        for (Map.Entry<NodeId, byte[]> n : tree.append(hash).entrySet()) {
          insert.setLong(1, n.getKey().index() * 64 + n.getKey().level());
          insert.setString(2, HexFormat.of().formatHex(n.getValue()));
          insert.setLong(3, n.getKey().index());
          insert.setInt(4, n.getKey().level());
          insert.addBatch();
        }
        if (i % 10_000 == 0) {
          insert.executeBatch();
          h2.commit();
        }
      }
    }
    if (insert == null) {
      nodes = memory;
      root = memory.root();
    } else {
      insert.executeBatch();
      h2.commit();
      insert.close();
      nodes = this::fetch;
      root = tree.root();
    }
    if (!java.util.Arrays.equals(root, MerkleProofs.root(LEAVES, nodes))) {
      throw new IllegalStateException("the store's root differs from the compact tree's");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    if (h2 != null) {
      h2.close();
    }
  }

  @Setup(Level.Invocation)
  public void pick() {
    index = random.nextLong(LEAVES);
    from = 1 + random.nextLong(LEAVES - 1);
    proof = MerkleProofs.inclusion(index, LEAVES, nodes);
    leafHash = nodes.nodes(List.of(new NodeId(0, index))).get(new NodeId(0, index));
  }

  @Benchmark
  public List<byte[]> inclusionProof() {
    return MerkleProofs.inclusion(index, LEAVES, nodes);
  }

  @Benchmark
  public List<byte[]> consistencyProof() {
    return MerkleProofs.consistency(from, LEAVES, nodes);
  }

  @Benchmark
  public byte[] rootOfEarlierSize() {
    return MerkleProofs.root(from, nodes);
  }

  @Benchmark
  public byte[] verifyInclusion() {
    return ProofVerifier.rootFromInclusion(index, LEAVES, leafHash, proof);
  }

  /** One primary-key IN query for all the nodes a proof needs, as JpaMerkleLog.nodes does. */
  private Map<NodeId, byte[]> fetch(Collection<NodeId> ids) {
    Map<Long, NodeId> byKey = new HashMap<>();
    ids.forEach(id -> byKey.put(id.index() * 64 + id.level(), id));
    String marks = String.join(",", java.util.Collections.nCopies(byKey.size(), "?"));
    Map<NodeId, byte[]> out = new HashMap<>();
    try (PreparedStatement s =
        h2.prepareStatement(
            "select node_key, hash from merkle_node where node_key in (" + marks + ")")) {
      int i = 1;
      for (long key : byKey.keySet()) {
        s.setLong(i++, key);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(byKey.get(r.getLong(1)), HexFormat.of().parseHex(r.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static String hexOf(long n) {
    return String.format(java.util.Locale.ROOT, "%064x", n & Long.MAX_VALUE);
  }
}
