package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.marketdata.MarketDataService;
import io.fulcrum.admin.application.marketdata.MarketDataStore.SetRow;
import io.fulcrum.admin.application.marketdata.MarketDataStore.VersionRow;
import io.fulcrum.admin.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Named market data sets stored in the service (issue #19): append daily observations (CSV: a
 * header with date and close columns, as the CLI's price files), list sets and their versions.
 */
@Path("market-data")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class MarketDataResource {

  @Inject MarketDataService marketData;

  @Context SecurityContext security;

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "The stored market data sets with their latest version")
  public List<Map<String, Object>> sets() {
    return marketData.list().stream().map(this::view).toList();
  }

  private Map<String, Object> view(SetRow s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataSet", s.name());
    out.put("assets", s.assets());
    out.put("maxGapDays", s.maxGapDays());
    List<VersionRow> versions = marketData.versions(s.name());
    VersionRow latest = versions.get(versions.size() - 1);
    out.put("latest", s.name() + "@" + latest.version());
    out.put("lastDay", latest.lastDay());
    out.put("versions", versions.size());
    return out;
  }

  @GET
  @Path("{dataSet}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Every version of a data set, oldest first (each append or correction)")
  public List<VersionRow> versions(@PathParam("dataSet") String name) {
    return marketData.versions(name);
  }

  @POST
  @Path("{dataSet}")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @BodyLimit(8 * 1024 * 1024)
  @Operation(
      summary =
          "Append daily observations (CSV: date,close[,asset]) as a new version; with"
              + " ?correction=true replace closes of stored days (also a new version). A set that"
              + " does not exist is created (?asset=, ?maxGapDays= default 1). Refused with the"
              + " row named, nothing stored: malformed row, bad date, non-numeric or non-positive"
              + " close, duplicate day, gap beyond maxGapDays.")
  public Response append(
      @PathParam("dataSet") String name,
      @QueryParam("correction") boolean correction,
      @QueryParam("asset") String asset,
      @QueryParam("maxGapDays") Integer maxGapDays,
      String body) {
    MarketDataService.Appended a =
        marketData.append(
            name, body, correction, asset, maxGapDays, security.getUserPrincipal().getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataSet", name);
    out.put("version", a.version().version());
    out.put("ref", name + "@" + a.version().version());
    out.put("hash", a.version().hash());
    out.put("kind", a.version().kind());
    out.put("rows", a.rows());
    out.put("firstDay", a.version().firstDay());
    out.put("lastDay", a.version().lastDay());
    out.put("observations", a.version().observations());
    return Response.status(201).entity(out).build();
  }
}
