package io.fulcrum.admin.application;

import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.PolicyBundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Bundle files to and from zip bytes. Reading refuses paths that escape the bundle ("../",
 * absolute, backslashes) and caps the unpacked size; a zip whose files all sit in one top folder
 * without a manifest at the root is read from inside that folder (as zipping a directory makes).
 */
public final class BundleArchive {

  /** Largest accepted upload, zipped or as separate files. */
  public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

  /** Largest total of unpacked files (a zip bomb stops here). */
  public static final int MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

  private BundleArchive() {}

  /** The files of a zip upload, keyed by path inside the bundle. */
  public static SortedMap<String, byte[]> read(byte[] zip) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    List<CompilationProblem> problems = new ArrayList<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        byte[] bytes = in.readNBytes(MAX_UNPACKED_BYTES + 1);
        total += bytes.length;
        if (total > MAX_UNPACKED_BYTES) {
          throw new BundleRefused(
              "the bundle unpacks to more than " + MAX_UNPACKED_BYTES + " bytes", List.of(), true);
        }
        String problem = pathProblem(e.getName());
        if (problem != null) {
          problems.add(new CompilationProblem(e.getName(), 0, problem));
        } else {
          files.put(e.getName(), bytes);
        }
      }
    } catch (IOException e) {
      throw new BundleRefused(
          "the upload is not a readable zip: " + e.getMessage(), List.of(), false);
    }
    if (!problems.isEmpty()) {
      throw new BundleRefused(
          "the zip holds paths outside the bundle; nothing was stored", problems, false);
    }
    if (files.isEmpty()) {
      throw new BundleRefused(
          "the upload is not a zip of bundle files (no entries)", List.of(), false);
    }
    return stripTopFolder(files);
  }

  /** Why {@code path} may not be a bundle file, or null if it may. */
  public static String pathProblem(String path) {
    if (path == null || path.isBlank()) {
      return "empty path";
    }
    if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
      return "absolute or Windows path: bundle paths are relative with '/'";
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        return "path escapes the bundle directory ('..')";
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
    return stripTopFolder(inner);
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
