package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.ArticleHeadlines;
import io.newsarchive.ingest.FileSelection;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.ingest.IngestReports.FileRow;
import io.newsarchive.ingest.IngestReports.RunSummary;
import io.newsarchive.ingest.IngestRuns;
import io.newsarchive.ingest.RunProgress;
import io.newsarchive.ingest.RunStatus;
import io.newsarchive.ingest.Uploads;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ingest runs for archivists: the list, and a run's page with its live progress, counts and per-file results
 * (filtered, as CSV, rejected files downloaded back with what to fix); a dry run of an upload is committed here,
 * and a run taken off (or put back on) the dashboard's Needs attention list.
 */
@Tag(name = "Admin pages")
@Path("/admin/runs")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class RunsPage {

    private static final int PAGE = 200;

    /** A filter of the run's files, with how many files it shows. */
    public record ShowLink(String label, int count, String href, boolean active) {}

    /**
     * How far a run has got; what the page's script polls.
     *
     * @param filesPerSecond over the last few stored batches; null until two are stored
     * @param secondsLeft    rounded; null while there is no rate
     * @param line           the progress line the page shows, starting with the status word
     */
    public record Progress(
            RunStatus status,
            int filesDone,
            Integer totalFiles,
            Double filesPerSecond,
            Long secondsLeft,
            String line,
            IngestReports.Counts counts) {

        public int percent() {
            return totalFiles == null || totalFiles == 0 ? 100 : (int) (100L * filesDone / totalFiles);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<RunSummary> runs);

        static native TemplateInstance run(
                RunSummary run,
                Progress progress,
                List<FileRow> files,
                Map<Long, String> headlines,
                List<ShowLink> shows,
                String show,
                String nextHref,
                boolean committed,
                boolean uploadUsable,
                String csrf);
    }

    @Inject
    IngestReports reports;

    @Inject
    UploadRuns uploadRuns;

    @Inject
    Uploads uploads;

    @Inject
    SignedIn signedIn;

    @Inject
    IngestRuns runs;

    @Inject
    ArticleHeadlines headlines;

    @Operation(summary = "The ingest runs")
    @GET
    public TemplateInstance list() {
        return Templates.list(reports.list(200));
    }

    @Operation(summary = "One ingest run")
    @GET
    @Path("/{id}")
    public TemplateInstance page(
            @RestPath @Parameter(description = "an ingest run's id") String id,
            @RestQuery
                    @Parameter(
                            description = "which files",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "all",
                                                "rejected",
                                                "warnings",
                                                "added",
                                                "revised",
                                                "duplicate"
                                            },
                                            defaultValue = "all"))
                    String show,
            @RestQuery
                    @Parameter(
                            description = "only files after this number: the next page",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                    String after) {
        RunSummary run = run(id);
        FileSelection filter = FileSelection.of(show);
        int from = after == null ? 0 : Params.intInRange("after", after, 0, 0, Integer.MAX_VALUE);
        List<FileRow> files = reports.files(run.id(), filter, from, PAGE + 1);
        Href here = Href.of("/admin/runs/" + run.id());
        String next = files.size() > PAGE
                ? here.plus("show", filter.toString())
                        .plus("after", Integer.toString(files.get(PAGE - 1).seq()))
                        .toString()
                : null;
        List<ShowLink> shows = new ArrayList<>();
        for (FileSelection s : FileSelection.values()) {
            shows.add(new ShowLink(
                    s.label, s.countIn(run), here.plus("show", s.toString()).toString(), s == filter));
        }
        List<FileRow> shown = files.subList(0, Math.min(PAGE, files.size()));
        return Templates.run(
                run,
                progress(run),
                shown,
                headlines.of(shown.stream()
                        .map(FileRow::articleId)
                        .filter(Objects::nonNull)
                        .toList()),
                shows,
                filter.toString(),
                next,
                reports.committedBy(run.id()) != null,
                uploads.kept(run.uploadDir()) && uploadRuns.mayUse(run, signedIn),
                signedIn.csrfToken());
    }

    @Operation(summary = "How far a run has got")
    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Progress progressOf(@RestPath @Parameter(description = "an ingest run's id") String id) {
        return progress(run(id));
    }

    @Operation(summary = "Stores what a dry run checked")
    @POST
    @Path("/{id}/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commit(@RestPath @Parameter(description = "an ingest run's id") String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        return Response.seeOther(URI.create("/admin/runs/" + uploadRuns.commit(run(id), signedIn)))
                .build();
    }

    @Operation(summary = "Runs a failed or interrupted run again")
    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@RestPath @Parameter(description = "an ingest run's id") String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        return Response.seeOther(URI.create("/admin/runs/" + uploadRuns.retry(run(id), signedIn)))
                .build();
    }

    @Operation(summary = "Takes a run that has ended off the dashboard's Needs attention list")
    @POST
    @Path("/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@RestPath @Parameter(description = "an ingest run's id") String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        long runId = run(id).id();
        runs.dismiss(runId, signedIn.name());
        return Response.seeOther(URI.create("/admin?dismissed=" + runId)).build();
    }

    @Operation(summary = "Puts a dismissed run back on the dashboard's Needs attention list")
    @POST
    @Path("/{id}/undismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undismiss(
            @RestPath @Parameter(description = "an ingest run's id") String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        runs.undismiss(run(id).id(), signedIn.name());
        return Response.seeOther(URI.create("/admin")).build();
    }

    private RunSummary run(String id) {
        return reports.get(Params.id("id", id));
    }

    static Progress progress(RunSummary run) {
        RunProgress progress = run.progress(Instant.now());
        return new Progress(
                run.status(),
                run.filesDone(),
                run.totalFiles(),
                progress.filesPerSecond(),
                progress.secondsLeft(),
                progress.line(),
                run.counts());
    }
}
