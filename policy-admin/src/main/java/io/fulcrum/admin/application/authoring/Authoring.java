package io.fulcrum.admin.application.authoring;

import io.fulcrum.admin.application.BundleArchive;
import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.MarketData;
import io.fulcrum.admin.application.PolicyEngine;
import io.fulcrum.admin.application.PolicyGovernance;
import io.fulcrum.admin.application.PolicyRefs;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.BundleValidator;
import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authoring a policy version in the browser: a DRAFT copied from a stored version (the next version
 * number, the manifest's {@code version:} set to it), the checks an author runs while editing
 * (decision-table analysis of a DMN file with the rows each finding concerns; the whole upload
 * validation without storing anything), and saving the edited files as a new DRAFT through exactly
 * the upload path of a zip ({@link PolicyGovernance#upload}: same bundle reading, same validation,
 * same lifecycle: a version that left DRAFT is never replaced).
 *
 * <p>Files travel as UTF-8 text keyed by their bundle path; paths, count and sizes are held to the
 * limits of a zip upload ({@link BundleArchive}). Bad input is refused naming the file or field and
 * nothing is stored.
 */
@ApplicationScoped
public class Authoring {

  @Inject PolicyGovernance governance;

  @Inject PolicyStore store;

  @Inject PolicyEngine engine;

  @Inject MarketData marketData;

  /** A draft to edit: where it came from, its version, and its files as text. */
  public record Draft(
      String policy, String from, String version, SortedMap<String, String> files) {}

  /**
   * What a check found, as the upload would: the validation's problems and warnings ({@code
   * file:line}), and per DMN file the table findings placed on their rows.
   */
  public record Check(
      boolean passed,
      List<String> checks,
      List<CompilationProblem> problems,
      List<CompilationProblem> warnings,
      Map<String, List<TableAnalysis.Finding>> tables) {}

  private static final Pattern VERSION_LINE =
      Pattern.compile("(?m)^version:[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|[^#\\n]*?)[ \\t]*(#.*)?$");

  /** A DRAFT copied from {@code policyId@from}: the next version number and the same files. */
  public Draft newVersionFrom(String policyId, String from) {
    PolicyVersion source = governance.get(policyId, from);
    Map<String, byte[]> stored = store.files(source.bundleHash());
    String next =
        nextVersion(store.versions(policyId).stream().map(PolicyVersion::version).toList());
    SortedMap<String, String> files = new TreeMap<>();
    stored.forEach((path, bytes) -> files.put(path, text(path, bytes)));
    String manifest = files.get(PolicyBundle.MANIFEST);
    if (manifest == null) {
      throw new InvalidParameter(
          "version", policyId + "@" + from + " has no " + PolicyBundle.MANIFEST + " to copy");
    }
    files.put(PolicyBundle.MANIFEST, withVersion(manifest, next));
    return new Draft(policyId, from, next, files);
  }

  /** One more than the largest all-digit version, "1" when there is none. */
  static String nextVersion(List<String> versions) {
    BigInteger max = BigInteger.ZERO;
    for (String v : versions) {
      if (v.matches("[0-9]{1,18}")) {
        max = max.max(new BigInteger(v));
      }
    }
    return max.add(BigInteger.ONE).toString();
  }

  /** The manifest text with its top-level {@code version:} value set; every other byte kept. */
  static String withVersion(String manifest, String version) {
    Matcher m = VERSION_LINE.matcher(manifest);
    if (!m.find()) {
      throw new InvalidParameter(
          "files." + PolicyBundle.MANIFEST, "the manifest has no top-level 'version:' line");
    }
    return manifest.substring(0, m.start(1)) + "\"" + version + "\"" + manifest.substring(m.end(1));
  }

  /** Table analysis of one DMN file's text (not stored). */
  public List<TableAnalysis.Finding> analyse(String file, String content) {
    String problem = BundleArchive.pathProblem(file);
    if (problem != null) {
      throw new InvalidParameter("file", file + ": " + problem);
    }
    if (content == null || content.isBlank()) {
      throw new InvalidParameter("content", file + ": empty DMN file");
    }
    return TableAnalysis.analyse(content.getBytes(StandardCharsets.UTF_8));
  }

  /** The upload validation of {@code files} as a bundle of {@code policyId}; nothing stored. */
  public Check check(String policyId, Map<String, String> files) {
    SortedMap<String, byte[]> bytes = bundleFiles(policyId, files);
    PolicyBundle bundle;
    try {
      bundle = BundleReader.fromFiles("draft", bytes);
    } catch (PolicyCompilationFailed e) {
      return new Check(false, List.of("read"), e.problems(), List.of(), Map.of());
    }
    BundleValidator.Report r =
        new BundleValidator(engine.compiler(), marketData.sets())
            .validate(bundle, new BundleValidator.Location(policyId, null));
    List<CompilationProblem> problems = new ArrayList<>(r.errors());
    if (!bundle.manifest().id().equals(policyId)) {
      problems.add(new CompilationProblem(PolicyBundle.MANIFEST, 0, "id must be " + policyId));
    }
    Map<String, List<TableAnalysis.Finding>> tables = new TreeMap<>();
    bytes.forEach(
        (path, content) -> {
          if (path.endsWith(".dmn")) {
            tables.put(path, TableAnalysis.analyse(content));
          }
        });
    return new Check(problems.isEmpty(), r.checks(), problems, r.warnings(), tables);
  }

  /**
   * Stores {@code files} as a new DRAFT of {@code policyId} through the zip upload's path:
   * VALIDATED when validation passes, else DRAFT with its problems.
   */
  public PolicyGovernance.Uploaded save(String policyId, Map<String, String> files, String author) {
    return governance.upload(policyId, bundleFiles(policyId, files), "", author);
  }

  /** The files as bytes, held to a zip upload's limits; refused naming the file. */
  static SortedMap<String, byte[]> bundleFiles(String policyId, Map<String, String> files) {
    PolicyRefs.checkedId("id", policyId);
    if (files == null || files.isEmpty()) {
      throw new InvalidParameter("files", "no files: a bundle needs at least manifest.yaml");
    }
    if (files.size() > BundleArchive.MAX_FILES) {
      throw new InvalidParameter(
          "files",
          files.size() + " files but a bundle may hold at most " + BundleArchive.MAX_FILES);
    }
    SortedMap<String, byte[]> out = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      String path = f.getKey();
      String problem = BundleArchive.pathProblem(path);
      if (problem != null) {
        throw new InvalidParameter("files." + path, problem);
      }
      if (f.getValue() == null) {
        throw new InvalidParameter("files." + path, "no content (null)");
      }
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > BundleArchive.MAX_FILE_BYTES) {
        throw new InvalidParameter(
            "files." + path,
            bytes.length + " bytes, more than the " + BundleArchive.MAX_FILE_BYTES + " allowed");
      }
      total += bytes.length;
      if (total > BundleArchive.MAX_UNPACKED_BYTES) {
        throw new InvalidParameter(
            "files",
            "more than "
                + BundleArchive.MAX_UNPACKED_BYTES
                + " bytes in all (stopped at "
                + path
                + ")");
      }
      out.put(path, bytes);
    }
    return out;
  }

  private static String text(String path, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidParameter(
          "files." + path,
          path + " is not UTF-8 text: the browser editor edits text bundles only (upload a zip)");
    }
  }
}
