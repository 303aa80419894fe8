package io.fulcrum.admin.application;

/** An author tried to review their own version (403). */
public class FourEyesViolation extends RuntimeException {

  public FourEyesViolation(String ref, String user) {
    super(
        "user "
            + user
            + " uploaded "
            + ref
            + " and may not review it: another approver must (four eyes)");
  }
}
