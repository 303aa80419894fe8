package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.AuditVerification;
import io.fulcrum.admin.application.ChainReport;
import io.fulcrum.admin.application.CheckpointSigner;
import io.fulcrum.admin.application.CheckpointUnavailable;
import io.fulcrum.admin.application.LogProofs;
import io.fulcrum.admin.application.MerkleLog;
import io.fulcrum.admin.application.SignedCheckpoint;
import io.fulcrum.admin.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The audit chain and the decision log: its signed checkpoints, the verifier key, inclusion and
 * consistency proofs, and a decision's leaf. An auditor verifies the proofs offline ({@code fulcrum
 * audit verify-decision}, {@code verify-consistency}).
 */
@Path("audit")
@RequestScoped
@SecurityRequirement(name = "basic")
public class AuditResource {

  private static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";

  @Inject AuditVerification verification;

  @Inject CheckpointSigner signer;

  @Inject MerkleLog log;

  @Inject LogProofs proofs;

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "Check the whole audit chain and the decision log's Merkle tree and checkpoints; reports"
              + " the first problem (intact=false) if any")
  public ChainReport verify() {
    return verification.verify();
  }

  @GET
  @Path("checkpoint")
  @Produces(TEXT)
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER, Roles.AUTHOR, Roles.APPROVER})
  @Operation(
      summary =
          "The latest signed checkpoint (C2SP tlog-checkpoint as a signed note, Ed25519): origin,"
              + " tree size, base64 root hash, blank line, signature")
  public String checkpoint() {
    return log.latestCheckpoint().map(SignedCheckpoint::note).orElseThrow(this::noCheckpoint);
  }

  @POST
  @Path("checkpoint")
  @Produces(TEXT)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "Sign a checkpoint of the log as it is now (if it grew since the last one) and return"
              + " it, instead of waiting for the next scheduled one")
  public String signCheckpoint() {
    return signer
        .signNow()
        .or(log::latestCheckpoint)
        .map(SignedCheckpoint::note)
        .orElseThrow(this::noCheckpoint);
  }

  @GET
  @Path("key")
  @Produces(TEXT)
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER, Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "The verifier key of the checkpoints: name+keyid+base64(0x01||Ed25519 key)")
  public String key() {
    return signer.verifier().map(v -> v.encode() + "\n").orElseThrow(this::noCheckpoint);
  }

  @GET
  @Path("proof/inclusion")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "RFC 9162 inclusion proof of a decision's leaf in the tree of `size` leaves (default: the"
              + " latest checkpoint's)")
  public DecisionLogViews.InclusionProof inclusion(
      @QueryParam("decision") String decision, @QueryParam("size") Long size) {
    return DecisionLogViews.InclusionProof.of(proofs.inclusion(decision, size));
  }

  @GET
  @Path("proof/consistency")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "RFC 9162 consistency proof that the tree of `to` leaves (default: the latest"
              + " checkpoint's) extends the tree of `from` leaves")
  public DecisionLogViews.ConsistencyProof consistency(
      @QueryParam("from") long from, @QueryParam("to") Long to) {
    return DecisionLogViews.ConsistencyProof.of(proofs.consistency(from, to));
  }

  @GET
  @Path("leaf")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "A decision's leaf in the decision log: its stored columns, its audit record, the leaf"
              + " bytes (base64) and leaf hash")
  public DecisionLogViews.Leaf leaf(@QueryParam("decision") String decision) {
    return DecisionLogViews.Leaf.of(proofs.leaf(decision));
  }

  private CheckpointUnavailable noCheckpoint() {
    String why = signer.keyProblem();
    return new CheckpointUnavailable(
        why != null ? "checkpoints are not signed: " + why : "no checkpoint is signed yet");
  }
}
