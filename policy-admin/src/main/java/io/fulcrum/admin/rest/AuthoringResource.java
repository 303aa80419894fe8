package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.BundleArchive;
import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.PolicyGovernance;
import io.fulcrum.admin.application.authoring.Authoring;
import io.fulcrum.admin.application.authoring.TableAnalysis;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Authoring in the browser (author role, as for a zip upload): a new DRAFT copied from a version,
 * checks while editing, and saving the edited files through the upload's validation.
 */
@Path("authoring/policies/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class AuthoringResource {

  /** Largest JSON body of files: a zip upload's unpacked limit plus JSON escaping. */
  static final long FILES_BODY_BYTES = 2L * BundleArchive.MAX_UNPACKED_BYTES;

  @Inject Authoring authoring;

  @Context SecurityContext security;

  @Context UriInfo uri;

  /** Body of {@code check} and {@code drafts}: the bundle's files as UTF-8 text by path. */
  @Schema(name = "DraftFiles", requiredProperties = "files")
  public record DraftFiles(Map<String, String> files) {}

  /** Body of {@code tables}: one DMN file's path and text. */
  @Schema(
      name = "DmnFile",
      requiredProperties = {"file", "content"})
  public record DmnFile(String file, String content) {}

  /** The table analysis of one DMN file. */
  @Schema(name = "TableFindings")
  public record TableFindings(String file, List<TableAnalysis.Finding> findings) {}

  @GET
  @Path("versions/{version}/new-version")
  @RolesAllowed(Roles.AUTHOR)
  @Operation(
      summary =
          "A new DRAFT to edit, copied from this version (nothing stored): the next version"
              + " number and the files as text, the manifest's version set to it")
  public Authoring.Draft newVersion(
      @PathParam("id") String id, @PathParam("version") String version) {
    return authoring.newVersionFrom(id, version);
  }

  @POST
  @Path("tables")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUTHOR)
  @BodyLimit(BundleArchive.MAX_FILE_BYTES * 2L)
  @Operation(
      summary =
          "Decision-table analysis of one DMN file not yet stored: gaps, overlaps, masked rows,"
              + " each with the rows (numbered from 1) it concerns")
  public TableFindings tables(@PathParam("id") String id, DmnFile body) {
    if (body == null) {
      throw new InvalidParameter("(body)", "a JSON body {file, content} is required");
    }
    return new TableFindings(body.file(), authoring.analyse(body.file(), body.content()));
  }

  @POST
  @Path("check")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUTHOR)
  @BodyLimit(FILES_BODY_BYTES)
  @Operation(
      summary =
          "Validate draft files exactly as an upload would, storing nothing: problems and"
              + " warnings with file:line, and table findings per DMN file with their rows")
  public Authoring.Check check(@PathParam("id") String id, DraftFiles body) {
    return authoring.check(id, files(body));
  }

  @POST
  @Path("drafts")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUTHOR)
  @BodyLimit(FILES_BODY_BYTES)
  @Operation(
      summary =
          "Save draft files as a new version through the upload's validation: 201 VALIDATED, or"
              + " 422 DRAFT with the problems; a version that left DRAFT is refused (409)")
  @APIResponse(
      responseCode = "201",
      description = "stored and VALIDATED",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyVersionView.class)))
  @APIResponse(
      responseCode = "422",
      description = "stored as DRAFT: the report names the problems",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyVersionView.class)))
  public Response save(@PathParam("id") String id, DraftFiles body) {
    PolicyGovernance.Uploaded up =
        authoring.save(id, files(body), security.getUserPrincipal().getName());
    return PolicyResource.uploaded(
        uri, id, up, PolicyVersionView.of(up.version(), up.version().storedState()));
  }

  private static Map<String, String> files(DraftFiles body) {
    if (body == null || body.files() == null) {
      throw new InvalidParameter("files", "a JSON body {\"files\": {path: text}} is required");
    }
    return body.files();
  }
}
