package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

class BundleArchiveTest {

  private static final byte[] MANIFEST = bytes("id: p\nversion: \"1\"\n");

  @Test
  void aPlainBundle_readsBack_andATopFolderIsStripped() {
    SortedMap<String, byte[]> files =
        BundleArchive.read(
            zip(
                z -> {
                  put(z, "p/manifest.yaml", MANIFEST);
                  put(z, "p/margin.drl", bytes("rule x when then end"));
                }));
    assertThat(files.keySet()).containsExactly("manifest.yaml", "margin.drl");
    assertThat(files.get("manifest.yaml")).isEqualTo(MANIFEST);
  }

  @Test
  void theStrippedFolders_areReported() {
    BundleArchive.Unpacked unpacked =
        BundleArchive.unpack(
            zip(
                z -> {
                  put(z, "rules/p/3/manifest.yaml", MANIFEST);
                  put(z, "rules/p/3/margin.drl", bytes("rule x when then end"));
                }));
    assertThat(unpacked.files().keySet()).containsExactly("manifest.yaml", "margin.drl");
    assertThat(unpacked.folder()).isEqualTo("rules/p/3");
    assertThat(BundleArchive.unpack(BundleArchive.write(unpacked.files())).folder()).isEmpty();
  }

  @Test
  void writeThenRead_isTheIdentity() {
    Map<String, byte[]> files =
        new TreeMap<>(Map.of("manifest.yaml", MANIFEST, "a.drl", bytes("x")));
    assertThat(BundleArchive.read(BundleArchive.write(files))).containsOnlyKeys(files.keySet());
  }

  @Test
  void tenThousandTinyFiles_areRefused_beforeAnyIsRead() {
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              for (int i = 0; i < 10_000; i++) {
                put(z, "f" + i + ".txt", bytes("x"));
              }
            });
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class,
            e -> {
              assertThat(e.getMessage()).contains("10001 files").contains("at most 200");
              assertThat(e.tooLarge()).isFalse();
            });
  }

  @Test
  void aDuplicateManifest_isRefused_namingTheEntry() {
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              put(z, "manifest.yaml", bytes("id: other\nversion: \"9\"\n"));
            });
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.file()).isEqualTo("manifest.yaml");
                          assertThat(p.message()).contains("duplicate entry");
                        }));
  }

  @Test
  void traversalAbsoluteDotAndBackslashPaths_areRefused_eachNamed_backslashesReadAsSlashes() {
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              put(z, "../escape.drl", bytes("x"));
              put(z, "/etc/passwd", bytes("x"));
              put(z, "..\\windows.drl", bytes("x"));
              put(z, "./manifest.yaml", bytes("x"));
              put(z, "a//b.drl", bytes("x"));
              put(z, "C:/x.drl", bytes("x"));
            });
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class,
            e ->
                assertThat(e.problems().stream().map(p -> p.file()))
                    .containsExactlyInAnyOrder(
                        "../escape.drl",
                        "/etc/passwd",
                        "../windows.drl",
                        "./manifest.yaml",
                        "a//b.drl",
                        "C:/x.drl"));
  }

  @Test
  void aSymbolicLink_isRefused_namingTheEntry() {
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              ZipArchiveEntry link = new ZipArchiveEntry("secrets.drl");
              link.setUnixMode(UnixStat.LINK_FLAG | 0777);
              write(z, link, bytes("/etc/passwd"));
            });
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.file()).isEqualTo("secrets.drl");
                          assertThat(p.message()).contains("symbolic link");
                        }));
  }

  @Test
  void aZipBomb_isRefusedByItsCompressionRatio_namingTheFile() {
    byte[] zeros = new byte[3 * 1024 * 1024];
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              put(z, "bomb.drl", zeros);
            });
    assertThat(zip.length).isLessThan(64 * 1024);
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class,
            e -> {
              assertThat(e.getMessage()).contains("bomb.drl").contains("zip bomb");
              assertThat(e.tooLarge()).isTrue();
            });
  }

  @Test
  void aFileAboveThePerFileLimit_isRefused_namingIt() {
    byte[] big = new byte[BundleArchive.MAX_FILE_BYTES + 1];
    new java.util.Random(7).nextBytes(big);
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              put(z, "big.dmn", big);
            });
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class,
            e -> assertThat(e.getMessage()).contains("big.dmn").contains("more than"));
  }

  @Test
  void filesTogetherAboveTheTotalLimit_areRefused() {
    byte[] part = new byte[BundleArchive.MAX_FILE_BYTES];
    new java.util.Random(8).nextBytes(part);
    byte[] zip =
        zip(
            z -> {
              put(z, "manifest.yaml", MANIFEST);
              for (int i = 0; i < 5; i++) {
                put(z, "part" + i + ".bin", part);
              }
            });
    assertThatThrownBy(() -> BundleArchive.read(zip))
        .isInstanceOfSatisfying(
            BundleRefused.class, e -> assertThat(e.getMessage()).contains("unpacks to more than"));
  }

  @Test
  void somethingThatIsNotAZip_isRefused() {
    assertThatThrownBy(() -> BundleArchive.read(bytes("not a zip")))
        .isInstanceOf(BundleRefused.class);
    assertThatThrownBy(() -> BundleArchive.read(new byte[0])).isInstanceOf(BundleRefused.class);
  }

  private static byte[] zip(Consumer<ZipArchiveOutputStream> content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
      content.accept(z);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void put(ZipArchiveOutputStream z, String name, byte[] data) {
    write(z, new ZipArchiveEntry(name), data);
  }

  private static void write(ZipArchiveOutputStream z, ZipArchiveEntry e, byte[] data) {
    try {
      z.putArchiveEntry(e);
      z.write(data);
      z.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
