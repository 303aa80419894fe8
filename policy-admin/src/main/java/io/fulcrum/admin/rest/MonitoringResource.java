package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.monitoring.Monitored;
import io.fulcrum.admin.application.monitoring.MonitoringJob;
import io.fulcrum.admin.application.monitoring.MonitoringService;
import io.fulcrum.admin.application.monitoring.MonitoringStore.Alert;
import io.fulcrum.admin.application.monitoring.MonitoringStore.Result;
import io.fulcrum.admin.application.monitoring.Recalibration;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.policy.MonitoringDeclaration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Continuous monitoring of policies that declare a monitoring portfolio (issue #19). */
@Path("monitoring")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class MonitoringResource {

  @Inject MonitoringService monitoring;

  @Inject Recalibration recalibration;

  @Inject MonitoringJob job;

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "The monitored policy versions with their latest day and zone")
  public List<MonitoredView> all() {
    List<MonitoredView> out = new ArrayList<>();
    for (Monitored m : monitoring.monitored()) {
      List<Result> last = monitoring.results(m.policyId(), m.version(), null, null);
      out.add(
          new MonitoredView(
              m.ref(),
              m.active(),
              m.declaration().dataSet(),
              last.isEmpty() ? null : last.get(last.size() - 1)));
    }
    return out;
  }

  /** A monitored policy version and its latest day. */
  public record MonitoredView(String policy, boolean active, String dataSet, Result latest) {}

  /** A change of traffic-light zone between two consecutive days. */
  public record ZoneChange(String day, String from, String to, int windowBreaches) {}

  /** A policy's monitoring: its declaration, latest day, zone changes, alerts and days. */
  public record PolicyMonitoring(
      String policy,
      boolean monitored,
      MonitoringDeclaration declaration,
      Result latest,
      List<ZoneChange> zoneChanges,
      List<Alert> alerts,
      List<Result> results) {}

  /** A recalibration proposal: the stored version (null when no candidate passed). */
  public record ProposalView(
      String draft, String state, Map<String, String> winner, String summary) {}

  /** The sweep was started. */
  public record SweepStarted(boolean triggered) {}

  @GET
  @Path("{policy}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary =
          "A policy's daily monitoring results (margin, loss, breach, rolling breach count,"
              + " traffic light, Kupiec, Christoffersen, procyclicality), its zone changes and"
              + " alerts; ?version= (default: the monitored version), ?from=, ?to= (yyyy-mm-dd)")
  public PolicyMonitoring get(
      @PathParam("policy") String policy,
      @QueryParam("version") String version,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var monitored = monitoring.monitored(policy);
    String v = version;
    if (v == null) {
      v =
          monitored
              .map(Monitored::version)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "policy "
                              + policy
                              + " is not monitored (no active or approved version declares"
                              + " monitoring:)"));
    }
    for (String day : new String[] {from, to}) {
      if (day != null && !day.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new InvalidParameter("from/to", "a day is yyyy-mm-dd but was '" + day + "'");
      }
    }
    List<Result> results = monitoring.results(policy, v, from, to);
    List<ZoneChange> changes = new ArrayList<>();
    for (int i = 1; i < results.size(); i++) {
      if (!results.get(i).zone().equals(results.get(i - 1).zone())) {
        changes.add(
            new ZoneChange(
                results.get(i).day(),
                results.get(i - 1).zone(),
                results.get(i).zone(),
                results.get(i).windowBreaches()));
      }
    }
    String shown = v;
    boolean isMonitored =
        monitored
            .map(m -> m.version().equals(version == null ? m.version() : version))
            .orElse(false);
    return new PolicyMonitoring(
        policy + "@" + v,
        isMonitored,
        monitored.map(Monitored::declaration).orElse(null),
        results.isEmpty() ? null : results.get(results.size() - 1),
        changes,
        monitoring.alerts(policy).stream().filter(a -> a.policyVersion().equals(shown)).toList(),
        results);
  }

  @POST
  @Path("{policy}/proposals")
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(
      summary =
          "Recalibrate now: calibrate within the manifest's bounds on the monitoring window and"
              + " store the winner as the next version (DRAFT, validated) with the calibration"
              + " report as evidence; it needs an approver and an activation like any version")
  @APIResponse(
      responseCode = "201",
      description = "the winner stored as the next version (VALIDATED, or DRAFT with its problems)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProposalView.class)))
  @APIResponse(
      responseCode = "200",
      description = "no candidate passed: nothing stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProposalView.class)))
  public Response propose(@PathParam("policy") String policy) {
    Monitored m =
        monitoring
            .monitored(policy)
            .orElseThrow(() -> new NotFoundException("policy " + policy + " is not monitored"));
    Recalibration.Proposal p = recalibration.propose(m, "requested");
    return Response.status(p.draft() == null ? 200 : 201)
        .entity(new ProposalView(p.draft(), p.state(), p.winner(), p.summary()))
        .build();
  }

  @POST
  @Path("run")
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "Run the monitoring sweep now (it also runs after each new observation)")
  @APIResponse(
      responseCode = "202",
      description = "the sweep runs in the background",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SweepStarted.class)))
  public Response run() {
    job.trigger();
    return Response.accepted().entity(new SweepStarted(true)).build();
  }
}
