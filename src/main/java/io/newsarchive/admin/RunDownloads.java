package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.ingest.FileSelection;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.ingest.IngestReports.FileRow;
import io.newsarchive.ingest.IngestReports.RunSummary;
import io.newsarchive.ingest.InputFile;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Uploads;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.ContentDisposition;
import io.newsarchive.system.Params;
import io.newsarchive.system.PortableZip;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What can be downloaded of an ingest run: its file results as CSV, and its rejected files with what to fix. */
@Tag(name = "Admin pages")
@Path("/admin/runs/{id}")
@RolesAllowed(Role.Names.ARCHIVIST)
public class RunDownloads {

    @Inject
    IngestReports reports;

    @Inject
    Uploads uploads;

    @Inject
    UploadRuns uploadRuns;

    @Inject
    SignedIn signedIn;

    @Operation(summary = "A run's file results as CSV")
    @APIResponse(
            responseCode = "200",
            description = "one row a file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/files.csv")
    @Produces("text/csv; charset=utf-8")
    public Response csv(
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
                    String show) {
        RunSummary run = reports.get(Params.id("id", id));
        FileSelection filter = FileSelection.of(show);
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(
                    writer,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader("seq", "name", "outcome", "article_id", "revises", "sha256", "problems")
                            .get())) {
                int from = 0;
                List<FileRow> page;
                do {
                    page = reports.files(run.id(), filter, from, 1000);
                    for (FileRow f : page) {
                        csv.printRecord(
                                f.seq(),
                                f.name(),
                                f.outcome(),
                                f.articleId(),
                                f.revises(),
                                f.sha256(),
                                String.join("; ", f.problems()));
                    }
                    from = page.isEmpty() ? from : page.get(page.size() - 1).seq();
                } while (page.size() == 1000);
            }
        };
        return Response.ok(body)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment("ingest-run-" + run.id() + "-" + filter + ".csv"))
                .build();
    }

    /** The rejected files of a run (or one of them) with a text of what to fix in each, as a zip. */
    @Operation(summary = "A run's rejected files, with what to fix in each, as a zip")
    @APIResponse(
            responseCode = "200",
            description = "the files and a text of their problems",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/rejected.zip")
    @Produces("application/zip")
    public Response rejected(
            @RestPath @Parameter(description = "an ingest run's id") String id,
            @RestQuery
                    @Parameter(
                            description = "only the file of this number in the run",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String seq) {
        RunSummary run = reports.get(Params.id("id", id));
        uploadRuns.checkMayUse(run, signedIn);
        if (!uploads.kept(run.uploadDir())) {
            throw ApiError.notFound("run " + run.id() + " has no kept upload: only files uploaded on the admin"
                    + " pages can be downloaded back");
        }
        Integer only = seq == null ? null : Params.intInRange("seq", seq, 1, 1, Integer.MAX_VALUE);
        List<FileRow> rejected = reports.files(run.id(), FileSelection.REJECTED, 0, Integer.MAX_VALUE).stream()
                .filter(f -> only == null || f.seq() == only)
                .toList();
        if (rejected.isEmpty()) {
            throw ApiError.notFound(
                    only == null
                            ? "run " + run.id() + " rejected no file"
                            : "file " + only + " of run " + run.id() + " was not rejected");
        }
        StreamingOutput body = out -> {
            try (InputFiles input = uploads.open(run.uploadDir());
                    ZipArchiveOutputStream zip = PortableZip.open(out)) {
                long now = System.currentTimeMillis();
                for (FileRow f : rejected) {
                    InputFile file = input.files().get(f.seq() - 1);
                    String folder = String.format("%05d-", f.seq());
                    zip.putArchiveEntry(PortableZip.entry(folder + file.fileName(), now));
                    if (file.refusal() == null) {
                        try (InputStream in = file.opener().open()) {
                            in.transferTo(zip);
                        }
                    }
                    zip.closeArchiveEntry();
                    zip.putArchiveEntry(PortableZip.entry(folder + file.fileName() + ".what-to-fix.txt", now));
                    zip.write(whatToFix(f).getBytes(StandardCharsets.UTF_8));
                    zip.closeArchiveEntry();
                }
            }
        };
        String name = "ingest-run-" + run.id() + "-rejected" + (only == null ? "" : "-" + only) + ".zip";
        return Response.ok(body)
                .header("Content-Disposition", ContentDisposition.attachment(name))
                .build();
    }

    private static String whatToFix(FileRow f) {
        StringBuilder text = new StringBuilder(f.name()).append(" was rejected:\r\n");
        f.problems().forEach(p -> text.append("- ").append(p).append("\r\n"));
        return text.append("\r\nCorrect the file and upload it again. An article file is UTF-8 text: line 1 the")
                .append(
                        " headline, line 2 the publication date (YYYYMMDD), line 3 the URL, then one sentence a line.\r\n")
                .toString();
    }
}
