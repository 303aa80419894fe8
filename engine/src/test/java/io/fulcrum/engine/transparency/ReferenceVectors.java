package io.fulcrum.engine.transparency;

import java.util.HexFormat;
import java.util.List;

/**
 * The reference tree of transparency-dev/merkle's proof tests (proof/verify_test.go, Apache 2.0,
 * copied values only), itself the RFC 6962 test tree of Certificate Transparency: eight leaves, the
 * roots of its first 1..8 leaves, and known inclusion and consistency proofs.
 */
final class ReferenceVectors {

  private ReferenceVectors() {}

  static byte[] h(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static final List<byte[]> LEAVES =
      List.of(
          h(""),
          h("00"),
          h("10"),
          h("2021"),
          h("3031"),
          h("40414243"),
          h("5051525354555657"),
          h("606162636465666768696a6b6c6d6e6f"));

  /** ROOTS.get(k - 1) is the root of the first k leaves. */
  static final List<byte[]> ROOTS =
      List.of(
          h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
          h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
          h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
          h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
          h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
          h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
          h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
          h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

  /**
   * An inclusion proof of the leaf numbered {@code leaf} (1-based, as upstream) in {@code size}.
   */
  record Inclusion(long leaf, long size, List<byte[]> proof) {}

  /** A consistency proof between the trees of {@code size1} and {@code size2} leaves. */
  record Consistency(long size1, long size2, List<byte[]> proof) {}

  static final List<Inclusion> INCLUSION =
      List.of(
          new Inclusion(1, 1, List.of()),
          new Inclusion(
              1,
              8,
              List.of(
                  h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                  h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                  h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
          new Inclusion(
              6,
              8,
              List.of(
                  h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                  h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                  h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
          new Inclusion(
              3, 3, List.of(h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"))),
          new Inclusion(
              2,
              5,
              List.of(
                  h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                  h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                  h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))));

  static final List<Consistency> CONSISTENCY =
      List.of(
          new Consistency(1, 1, List.of()),
          new Consistency(
              1,
              8,
              List.of(
                  h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                  h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                  h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
          new Consistency(
              6,
              8,
              List.of(
                  h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                  h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                  h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
          new Consistency(
              2,
              5,
              List.of(
                  h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                  h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))),
          new Consistency(
              6,
              7,
              List.of(
                  h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                  h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
                  h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))));

  /** transparency-dev's "sha256SomeHash" and the empty-tree hash, used by the negative probes. */
  static final byte[] SOME_HASH =
      h("abacaba000000000000000000000000000000000000000000060061e00123456");

  static final byte[] EMPTY_TREE_HASH =
      h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /** The reference tree's first {@code size} leaves in a store. */
  static InMemoryNodeStore store(int size) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    for (int i = 0; i < size; i++) {
      store.appendLeaf(LEAVES.get(i));
    }
    return store;
  }
}
