package io.newsarchive.ingest;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** Ingest over HTTP: upload files and read the reports of runs. */
@Tag(name = "Ingest")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    @Inject
    IngestService ingest;

    @Inject
    IngestReports reports;

    @Inject
    SignedIn signedIn;

    @Inject
    Uploads uploads;

    @Operation(summary = "Ingests files, zips or bags (multipart field file, repeatable)")
    @APIResponse(
            responseCode = "200",
            description = "the run and each of its files",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = IngestReports.RunReport.class)))
    @POST
    @Path("/ingest")
    @RolesAllowed(Role.Names.ARCHIVIST)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response ingest(
            @RestForm("file") List<FileUpload> files,
            @RestQuery("dry_run")
                    @Parameter(
                            description = "check and report, store nothing",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String dryRun) {
        boolean dry = Params.bool("dry_run", dryRun, false);
        uploads.check(files);
        long runId;
        List<String> names = files.stream().map(FileUpload::fileName).toList();
        try (InputFiles input =
                InputFiles.of(files.stream().map(FileUpload::uploadedFile).toList(), names)) {
            runId = ingest.ingest(
                    input,
                    new IngestRequest(Trigger.API, signedIn.name(), dry, null, null, names),
                    IngestProgress.NONE);
        } catch (InputFiles.InputException e) {
            throw ApiError.badParameter("file", e.getMessage());
        }
        return report(runId);
    }

    @Operation(summary = "The latest ingest runs, newest first")
    @GET
    @Path("/ingest-runs")
    @RolesAllowed(Role.Names.ARCHIVIST)
    public List<IngestReports.RunSummary> runs(
            @RestQuery
                    @Parameter(
                            description = "runs to list",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "50"))
                    String limit) {
        return reports.list(Params.intInRange("limit", limit, 50, 1, 1000));
    }

    @Operation(summary = "One ingest run with each of its files")
    @APIResponse(
            responseCode = "200",
            description = "the run and each of its files",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = IngestReports.RunReport.class)))
    @GET
    @Path("/ingest-runs/{id}")
    @RolesAllowed(Role.Names.ARCHIVIST)
    public Response run(@RestPath @Parameter(description = "an ingest run's id") String id) {
        return report(Params.id("id", id));
    }

    private Response report(long runId) {
        IngestReports.RunSummary run = reports.get(runId);
        StreamingOutput body = out -> reports.writeReport(run, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
