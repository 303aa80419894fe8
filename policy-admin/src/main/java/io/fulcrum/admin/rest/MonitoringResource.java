package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.monitoring.Monitored;
import io.fulcrum.admin.application.monitoring.MonitoringJob;
import io.fulcrum.admin.application.monitoring.MonitoringService;
import io.fulcrum.admin.application.monitoring.MonitoringStore.Result;
import io.fulcrum.admin.application.monitoring.Recalibration;
import io.fulcrum.admin.security.Roles;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
  public List<Map<String, Object>> all() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Monitored m : monitoring.monitored()) {
      List<Result> last = monitoring.results(m.policyId(), m.version(), null, null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("policy", m.ref());
      row.put("active", m.active());
      row.put("dataSet", m.declaration().dataSet());
      row.put("latest", last.isEmpty() ? null : last.get(last.size() - 1));
      out.add(row);
    }
    return out;
  }

  @GET
  @Path("{policy}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary =
          "A policy's daily monitoring results (margin, loss, breach, rolling breach count,"
              + " traffic light, Kupiec, Christoffersen, procyclicality), its zone changes and"
              + " alerts; ?version= (default: the monitored version), ?from=, ?to= (yyyy-mm-dd)")
  public Map<String, Object> get(
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
    List<Map<String, Object>> changes = new ArrayList<>();
    for (int i = 1; i < results.size(); i++) {
      if (!results.get(i).zone().equals(results.get(i - 1).zone())) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("day", results.get(i).day());
        c.put("from", results.get(i - 1).zone());
        c.put("to", results.get(i).zone());
        c.put("windowBreaches", results.get(i).windowBreaches());
        changes.add(c);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policy", policy + "@" + v);
    out.put(
        "monitored",
        monitored
            .map(m -> m.version().equals(version == null ? m.version() : version))
            .orElse(false));
    monitored.ifPresent(m -> out.put("declaration", m.declaration()));
    out.put("latest", results.isEmpty() ? null : results.get(results.size() - 1));
    out.put("zoneChanges", changes);
    out.put(
        "alerts",
        monitoring.alerts(policy).stream()
            .filter(
                a ->
                    a.policyVersion()
                        .equals(out.get("policy").toString().substring(policy.length() + 1)))
            .toList());
    out.put("results", results);
    return out;
  }

  @POST
  @Path("{policy}/proposals")
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(
      summary =
          "Recalibrate now: calibrate within the manifest's bounds on the monitoring window and"
              + " store the winner as the next version (DRAFT, validated) with the calibration"
              + " report as evidence; it needs an approver and an activation like any version")
  public Response propose(@PathParam("policy") String policy) {
    Monitored m =
        monitoring
            .monitored(policy)
            .orElseThrow(() -> new NotFoundException("policy " + policy + " is not monitored"));
    Recalibration.Proposal p = recalibration.propose(m, "requested");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("draft", p.draft());
    out.put("state", p.state());
    out.put("winner", p.winner());
    out.put("summary", p.summary());
    return Response.status(p.draft() == null ? 200 : 201).entity(out).build();
  }

  @POST
  @Path("run")
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "Run the monitoring sweep now (it also runs after each new observation)")
  public Response run() {
    job.trigger();
    return Response.accepted().build();
  }
}
