package io.newsarchive.admin;

import io.newsarchive.ingest.FileSelection;
import io.newsarchive.ingest.IngestReports.FileRow;
import io.newsarchive.ingest.IngestReports.RunSummary;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.ingest.InputFile;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Uploads;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.CatalogUser;
import io.newsarchive.system.ContentDisposition;
import io.newsarchive.system.Params;
import io.newsarchive.system.SignedIn;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Ingest runs for archivists: the list, and a run's page with its live progress, counts and per-file results
 * (filtered, as CSV, rejected files downloaded back with what to fix); a dry run of an upload is committed here.
 */
@Path("/admin/jobs")
@RolesAllowed(CatalogUser.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class JobsPage {

    private static final int PAGE = 200;

    public record ShowLink(String label, String href, boolean active) {
    }

    /** How far a run has got; what the page's script polls. */
    public record Progress(String status, int filesDone, Integer totalFiles, double filesPerSecond,
                           Long secondsLeft, IngestReports.Counts counts) {

        public int percent() {
            return totalFiles == null || totalFiles == 0 ? 100 : (int) (100L * filesDone / totalFiles);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(List<RunSummary> runs);

        static native TemplateInstance job(RunSummary run, Progress progress, List<FileRow> files,
                                           List<ShowLink> shows, String show, String nextHref, boolean committed,
                                           boolean uploadUsable, String csrf);
    }

    @Inject
    IngestReports reports;

    @Inject
    UploadJobs jobs;

    @Inject
    Uploads uploads;

    @Inject
    SignedIn signedIn;

    @Inject
    CatalogConfig config;

    @GET
    public TemplateInstance list() {
        return Templates.jobs(reports.list(200));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance job(@RestPath String id, @RestQuery String show, @RestQuery String after) {
        RunSummary run = run(id);
        FileSelection filter = show(show);
        int from = after == null ? 0 : Params.intInRange("after", after, 0, 0, Integer.MAX_VALUE);
        List<FileRow> files = reports.files(run.id(), filter, from, PAGE + 1);
        String next = files.size() > PAGE ? "/admin/jobs/" + run.id() + "?show=" + filter + "&after="
                + files.get(PAGE - 1).seq() : null;
        List<ShowLink> shows = new ArrayList<>();
        for (FileSelection s : FileSelection.values()) {
            shows.add(new ShowLink(s.label, "/admin/jobs/" + run.id() + "?show=" + s, s == filter));
        }
        return Templates.job(run, progress(run), files.subList(0, Math.min(PAGE, files.size())), shows,
                filter.name(), next, jobs.committedBy(run.id()) != null,
                uploads.kept(run.uploadDir()) && jobs.mayUse(run, signedIn), signedIn.csrfToken());
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Progress progressOf(@RestPath String id) {
        return progress(run(id));
    }

    @GET
    @Path("/{id}/files.csv")
    @Produces("text/csv; charset=utf-8")
    public Response csv(@RestPath String id, @RestQuery String show) {
        RunSummary run = run(id);
        FileSelection filter = show(show);
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader("seq", "name", "outcome", "article_id", "revises", "sha256", "problems").get())) {
                int from = 0;
                List<FileRow> page;
                do {
                    page = reports.files(run.id(), filter, from, 1000);
                    for (FileRow f : page) {
                        csv.printRecord(f.seq(), f.name(), f.outcome(), f.articleId(), f.revises(), f.sha256(),
                                String.join("; ", f.problems()));
                    }
                    from = page.isEmpty() ? from : page.get(page.size() - 1).seq();
                } while (page.size() == 1000);
            }
        };
        return Response.ok(body).header("Content-Disposition",
                ContentDisposition.attachment("ingest-run-" + run.id() + "-" + filter + ".csv")).build();
    }

    /** The rejected files of a run (or one of them) with a text of what to fix in each, as a zip. */
    @GET
    @Path("/{id}/rejected.zip")
    @Produces("application/zip")
    public Response rejected(@RestPath String id, @RestQuery String seq) {
        RunSummary run = run(id);
        jobs.checkMayUse(run, signedIn);
        if (!uploads.kept(run.uploadDir())) {
            throw ApiError.notFound("run " + run.id() + " has no kept upload: only files uploaded on the admin"
                    + " pages can be downloaded back");
        }
        Integer only = seq == null ? null : Params.intInRange("seq", seq, 1, 1, Integer.MAX_VALUE);
        List<FileRow> rejected = reports.files(run.id(), FileSelection.rejected, 0, Integer.MAX_VALUE).stream()
                .filter(f -> only == null || f.seq() == only).toList();
        if (rejected.isEmpty()) {
            throw ApiError.notFound(only == null ? "run " + run.id() + " rejected no file"
                    : "file " + only + " of run " + run.id() + " was not rejected");
        }
        StreamingOutput body = out -> {
            try (InputFiles input = uploads.open(run.uploadDir());
                 ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (FileRow f : rejected) {
                    InputFile file = input.files().get(f.seq() - 1);
                    String folder = String.format("%05d-", f.seq());
                    zip.putNextEntry(new ZipEntry(folder + file.fileName()));
                    if (file.refusal() == null) {
                        try (InputStream in = file.opener().open()) {
                            in.transferTo(zip);
                        }
                    }
                    zip.putNextEntry(new ZipEntry(folder + file.fileName() + ".what-to-fix.txt"));
                    zip.write(whatToFix(f).getBytes(StandardCharsets.UTF_8));
                }
            }
        };
        String name = "ingest-run-" + run.id() + "-rejected" + (only == null ? "" : "-" + only) + ".zip";
        return Response.ok(body).header("Content-Disposition", ContentDisposition.attachment(name)).build();
    }

    @POST
    @Path("/{id}/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commit(@RestPath String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        RunSummary run = run(id);
        jobs.checkMayUse(run, signedIn);
        return Response.seeOther(URI.create("/admin/jobs/" + jobs.commit(run, signedIn.name()))).build();
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@RestPath String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        RunSummary run = run(id);
        jobs.checkMayUse(run, signedIn);
        return Response.seeOther(URI.create("/admin/jobs/" + jobs.retry(run, signedIn.name()))).build();
    }

    private RunSummary run(String id) {
        long runId = Params.id("id", id);
        return reports.find(runId).orElseThrow(() -> ApiError.notFound("no ingest run " + runId));
    }

    private static FileSelection show(String show) {
        if (show == null || show.isEmpty()) {
            return FileSelection.all;
        }
        try {
            return FileSelection.valueOf(show);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("show", "show must be one of all, rejected, warnings, added, revised,"
                    + " duplicate, not \"" + show + "\"");
        }
    }

    static Progress progress(RunSummary run) {
        Instant end = run.finishedAt() != null ? run.finishedAt() : Instant.now();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end).toMillis() / 1000.0);
        double rate = run.filesDone() / seconds;
        Long left = run.totalFiles() == null || !"running".equals(run.status()) || rate == 0 ? null
                : Math.round((run.totalFiles() - run.filesDone()) / rate);
        return new Progress(run.status(), run.filesDone(), run.totalFiles(), Math.round(rate * 10) / 10.0, left,
                run.counts());
    }

    private static String whatToFix(FileRow f) {
        StringBuilder text = new StringBuilder(f.name()).append(" was rejected:\r\n");
        f.problems().forEach(p -> text.append("- ").append(p).append("\r\n"));
        return text.append("\r\nCorrect the file and upload it again. An article file is UTF-8 text: line 1 the")
                .append(" headline, line 2 the publication date (YYYYMMDD), line 3 the URL, then one sentence a line.\r\n")
                .toString();
    }
}
