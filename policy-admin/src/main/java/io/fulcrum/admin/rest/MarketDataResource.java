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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
  public List<DataSetView> sets() {
    return marketData.list().stream().map(this::view).toList();
  }

  /** A stored data set with its latest version. */
  public record DataSetView(
      String dataSet,
      List<String> assets,
      int maxGapDays,
      String latest,
      String lastDay,
      int versions) {}

  /** The version an append or correction made. */
  public record AppendedView(
      String dataSet,
      String version,
      String ref,
      String hash,
      String kind,
      int rows,
      String firstDay,
      String lastDay,
      int observations) {}

  private DataSetView view(SetRow s) {
    List<VersionRow> versions = marketData.versions(s.name());
    VersionRow latest = versions.get(versions.size() - 1);
    return new DataSetView(
        s.name(),
        s.assets(),
        s.maxGapDays(),
        s.name() + "@" + latest.version(),
        latest.lastDay(),
        versions.size());
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
  @APIResponse(
      responseCode = "201",
      description = "stored as a new version of the data set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppendedView.class)))
  public Response append(
      @PathParam("dataSet") String name,
      @QueryParam("correction") boolean correction,
      @QueryParam("asset") String asset,
      @QueryParam("maxGapDays") Integer maxGapDays,
      String body) {
    MarketDataService.Appended a =
        marketData.append(
            name, body, correction, asset, maxGapDays, security.getUserPrincipal().getName());
    AppendedView out =
        new AppendedView(
            name,
            a.version().version(),
            name + "@" + a.version().version(),
            a.version().hash(),
            a.version().kind(),
            a.rows(),
            a.version().firstDay(),
            a.version().lastDay(),
            a.version().observations());
    return Response.status(201).entity(out).build();
  }
}
