package io.fulcrum.engine.decision;

/** Which exact policy took a decision: id, version and the bundle's content hash. */
public record PolicyStamp(String id, String version, String hash) {

  public String ref() {
    return id + "@" + version;
  }
}
