package io.fulcrum.admin.application.evidence;

/** No evidence job with that id. */
public class EvidenceNotFound extends RuntimeException {

  public EvidenceNotFound(String id) {
    super("no evidence job " + id);
  }
}
