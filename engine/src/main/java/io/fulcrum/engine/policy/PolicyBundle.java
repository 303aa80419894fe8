package io.fulcrum.engine.policy;

import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A policy version as files: the parsed manifest plus every file of its directory by relative path
 * ('/' separated). Immutable.
 *
 * <p>Content hash (canonical form): the files sorted by path; for each, the line {@code <path>
 * <sha256 of content with CRLF/CR turned into LF>}; the hash is SHA-256 of those lines joined with
 * LF, each ending in LF, hex lower-case. Line endings and file order therefore do not change the
 * hash; any other byte does.
 */
public final class PolicyBundle {

  public static final String MANIFEST = "manifest.yaml";

  private final PolicyManifest manifest;
  private final SortedMap<String, byte[]> files;
  private final String hash;

  public PolicyBundle(PolicyManifest manifest, Map<String, byte[]> files) {
    this.manifest = manifest;
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((k, v) -> copy.put(k, v.clone()));
    this.files = Collections.unmodifiableSortedMap(copy);
    this.hash = contentHash(copy);
  }

  public PolicyManifest manifest() {
    return manifest;
  }

  public String hash() {
    return hash;
  }

  public PolicyStamp stamp() {
    return new PolicyStamp(manifest.id(), manifest.version(), hash);
  }

  public SortedMap<String, byte[]> files() {
    return files;
  }

  public String text(String path) {
    byte[] content = files.get(path);
    if (content == null) {
      throw new IllegalArgumentException("bundle " + stamp().ref() + " has no file '" + path + "'");
    }
    return new String(content, StandardCharsets.UTF_8);
  }

  static String contentHash(SortedMap<String, byte[]> files) {
    MessageDigest outer = Sha256.digest();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] normalised = normaliseLineEndings(file.getValue());
      String line = file.getKey() + " " + Sha256.hex(normalised) + "\n";
      outer.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return Sha256.hex(outer);
  }

  private static byte[] normaliseLineEndings(byte[] content) {
    byte[] out = new byte[content.length];
    int n = 0;
    for (int i = 0; i < content.length; i++) {
      byte b = content[i];
      if (b == '\r') {
        out[n++] = '\n';
        if (i + 1 < content.length && content[i + 1] == '\n') {
          i++;
        }
      } else {
        out[n++] = b;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  @Override
  public String toString() {
    return "PolicyBundle[" + stamp().ref() + " " + hash.substring(0, 12) + "]";
  }
}
