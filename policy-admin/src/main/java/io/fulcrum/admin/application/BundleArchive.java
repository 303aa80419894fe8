package io.fulcrum.admin.application;

import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.PolicyBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Bundle files to and from zip bytes.
 *
 * <p>Reading works from the zip's central directory (Commons Compress) and refuses, naming the
 * entry: paths that escape the bundle ("../", absolute, backslashes, "." or empty segments),
 * duplicate entries (the same path twice, which would otherwise let the last one win silently),
 * symbolic links, more than {@link #MAX_FILES} files, a file above {@link #MAX_FILE_BYTES}, a total
 * above {@link #MAX_UNPACKED_BYTES}, and a file that inflates more than {@link
 * #MAX_COMPRESSION_RATIO} times its compressed size (a zip bomb). Sizes are counted while
 * inflating, never taken from the headers, and reading stops at the first limit. A zip whose files
 * all sit in one top folder without a manifest at the root is read from inside that folder (as
 * zipping a directory makes).
 */
public final class BundleArchive {

  /** Largest accepted upload, zipped or as separate files. */
  public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

  /** Largest total of unpacked files. */
  public static final int MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

  /** Largest single unpacked file. */
  public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  /** Most files (directories not counted) in one bundle; shipped bundles have about ten. */
  public static final int MAX_FILES = 200;

  /**
   * Largest ratio of unpacked to compressed size of one file, checked for files above {@link
   * #RATIO_CHECKED_FROM_BYTES} (small files say nothing about bombs). DRL, DMN and YAML text
   * compresses 5 to 30 times.
   */
  public static final int MAX_COMPRESSION_RATIO = 100;

  static final int RATIO_CHECKED_FROM_BYTES = 64 * 1024;

  private BundleArchive() {}

  /**
   * A zip upload unpacked.
   *
   * @param files keyed by path inside the bundle
   * @param folder the top folders stripped from every path ({@code tiered-perps/3} for a zip of
   *     {@code tiered-perps/3/}), empty when the manifest was at the root
   */
  public record Unpacked(SortedMap<String, byte[]> files, String folder) {}

  /** The files of a zip upload, keyed by path inside the bundle. */
  public static SortedMap<String, byte[]> read(byte[] zip) {
    return unpack(zip).files();
  }

  /** The files of a zip upload and the folder they were in. */
  public static Unpacked unpack(byte[] zip) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    List<CompilationProblem> problems = new ArrayList<>();
    try (ZipFile archive =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      List<ZipArchiveEntry> entries = Collections.list(archive.getEntriesInPhysicalOrder());
      long fileCount = entries.stream().filter(e -> !e.isDirectory()).count();
      if (fileCount > MAX_FILES) {
        throw new BundleRefused(
            "the zip holds "
                + fileCount
                + " files but a bundle may hold at most "
                + MAX_FILES
                + "; nothing was stored",
            List.of(),
            false);
      }
      long total = 0;
      for (ZipArchiveEntry e : entries) {
        String name = e.getName();
        String problem = entryProblem(archive, e);
        if (problem != null) {
          problems.add(new CompilationProblem(name, 0, problem));
          continue;
        }
        if (e.isDirectory()) {
          continue;
        }
        byte[] bytes = inflate(archive, e);
        total += bytes.length;
        if (total > MAX_UNPACKED_BYTES) {
          throw new BundleRefused(
              "the bundle unpacks to more than "
                  + MAX_UNPACKED_BYTES
                  + " bytes (stopped at "
                  + name
                  + "); nothing was stored",
              List.of(new CompilationProblem(name, 0, "total unpacked size over the limit")),
              true);
        }
        files.put(name, bytes);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleRefused(
          "the upload is not a readable zip: " + e.getMessage(), List.of(), false);
    }
    if (!problems.isEmpty()) {
      throw new BundleRefused(
          "the zip holds entries that cannot be bundle files; nothing was stored", problems, false);
    }
    if (files.isEmpty()) {
      throw new BundleRefused(
          "the upload is not a zip of bundle files (no entries)", List.of(), false);
    }
    StringBuilder folder = new StringBuilder();
    SortedMap<String, byte[]> bundle = files;
    for (SortedMap<String, byte[]> inner = stripTopFolder(bundle);
        inner != bundle;
        inner = stripTopFolder(bundle)) {
      if (folder.length() > 0) {
        folder.append('/');
      }
      folder.append(bundle.firstKey(), 0, bundle.firstKey().indexOf('/'));
      bundle = inner;
    }
    return new Unpacked(bundle, folder.toString());
  }

  /** Why entry {@code e} may not be in a bundle, or null if it may. */
  private static String entryProblem(ZipFile archive, ZipArchiveEntry e) {
    String name = e.getName();
    String path =
        e.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    String problem = pathProblem(path);
    if (problem != null) {
      return problem;
    }
    if (e.isUnixSymlink()) {
      return "symbolic link: a bundle holds regular files only";
    }
    if (!e.isDirectory() && count(archive.getEntries(name)) > 1) {
      return "duplicate entry: the zip holds this path more than once";
    }
    return null;
  }

  private static int count(Iterable<?> items) {
    int n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }

  /** The entry's bytes, counted while inflating; refused past the per-file limit or ratio. */
  private static byte[] inflate(ZipFile archive, ZipArchiveEntry e) throws IOException {
    if (!archive.canReadEntryData(e)) {
      throw new BundleRefused(
          "the zip entry " + e.getName() + " uses an unsupported compression or encryption",
          List.of(new CompilationProblem(e.getName(), 0, "unsupported compression or encryption")),
          false);
    }
    byte[] bytes;
    try (InputStream in = archive.getInputStream(e)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new BundleRefused(
          "the file " + e.getName() + " unpacks to more than " + MAX_FILE_BYTES + " bytes",
          List.of(new CompilationProblem(e.getName(), 0, "file larger than the limit")),
          true);
    }
    long compressed = Math.max(1, e.getCompressedSize());
    if (bytes.length >= RATIO_CHECKED_FROM_BYTES
        && bytes.length / compressed > MAX_COMPRESSION_RATIO) {
      throw new BundleRefused(
          "the file "
              + e.getName()
              + " inflates "
              + bytes.length / compressed
              + " times its compressed size (at most "
              + MAX_COMPRESSION_RATIO
              + " accepted): refused as a possible zip bomb",
          List.of(new CompilationProblem(e.getName(), 0, "compression ratio over the limit")),
          true);
    }
    return bytes;
  }

  /** Why {@code path} may not be a bundle file, or null if it may. */
  public static String pathProblem(String path) {
    if (path == null || path.isBlank()) {
      return "empty path";
    }
    if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
      return "absolute or Windows path: bundle paths are relative with '/'";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return "path escapes the bundle directory ('..')";
      }
      if (segment.isEmpty() || segment.equals(".")) {
        return "empty or '.' path segment: bundle paths are plain relative paths";
      }
    }
    return null;
  }

  private static SortedMap<String, byte[]> stripTopFolder(SortedMap<String, byte[]> files) {
    if (files.containsKey(PolicyBundle.MANIFEST)) {
      return files;
    }
    String first = files.firstKey();
    int slash = first.indexOf('/');
    if (slash < 0) {
      return files;
    }
    String top = first.substring(0, slash + 1);
    if (!files.keySet().stream().allMatch(p -> p.startsWith(top))) {
      return files;
    }
    SortedMap<String, byte[]> inner = new TreeMap<>();
    files.forEach((p, b) -> inner.put(p.substring(top.length()), b));
    return inner;
  }

  /** A deterministic zip of {@code files} (sorted, fixed times): how content is stored. */
  public static byte[] write(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
        ZipEntry e = new ZipEntry(f.getKey());
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(f.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
