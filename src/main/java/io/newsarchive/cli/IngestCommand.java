package io.newsarchive.cli;

import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.ingest.FileResult;
import io.newsarchive.ingest.IngestFailure;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.ingest.IngestReports.RunSummary;
import io.newsarchive.ingest.IngestRequest;
import io.newsarchive.ingest.IngestService;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.system.CatalogConfig;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Ingests files, folders and zips; exit 0 when nothing was rejected, 1 when some files were, 2 on a system error. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description =
                "Ingest corpus files: PATH is a .txt file, a folder (every *.txt below it) or a .zip of such files.")
public class IngestCommand implements Callable<Integer> {

    static final int SOME_REJECTED = 1;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, folders or zips to ingest")
    List<Path> paths;

    @Option(names = "--dry-run", description = "run every check and record the run, but store no article")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "write the JSON report of the run to FILE")
    Path report;

    @Inject
    IngestService ingest;

    @Inject
    IngestReports reports;

    @Inject
    CatalogConfig config;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (report != null
                && report.toAbsolutePath().getParent() != null
                && !Files.isDirectory(report.toAbsolutePath().getParent())) {
            return systemError("the folder of the report file does not exist: " + report);
        }
        RunSummary run;
        CliProgress progress = new CliProgress(System.console() != null);
        try (InputFiles input = InputFiles.of(paths);
                progress) {
            String operator = config.operator().orElse(System.getProperty("user.name"));
            long runId = ingest.ingest(input, new IngestRequest(Trigger.CLI, operator, dryRun), progress);
            run = reports.find(runId).orElseThrow();
        } catch (InputFiles.InputException | IngestFailure e) {
            return systemError(e.getMessage());
        }
        printSummary(out, run, progress);
        if (report != null) {
            try (OutputStream file = Files.newOutputStream(report)) {
                reports.writeReport(run, file);
            } catch (IOException e) {
                return systemError("the run is recorded, but the report could not be written: " + e.getMessage());
            }
            out.println("report: " + report);
        }
        return run.counts().rejected() > 0 ? SOME_REJECTED : 0;
    }

    private static void printSummary(PrintStream out, RunSummary run, CliProgress progress) {
        IngestReports.Counts c = run.counts();
        out.printf(
                "ingest run %d %s%s: %d added, %d duplicate, %d revised, %d rejected, %d with warnings%n",
                run.id(),
                run.status(),
                run.dryRun() ? " (dry run, nothing stored)" : "",
                c.added(),
                c.duplicate(),
                c.revised(),
                c.rejected(),
                c.warnings());
        for (FileResult result : progress.notable) {
            out.printf("%s %s%n", result.outcome(), result.name());
            for (ParseProblem p : result.problems()) {
                out.printf(
                        "  %s%s [%s] %s%n",
                        p.severity(), p.line() == null ? "" : " line " + p.line(), p.code(), p.message());
            }
        }
        if (progress.notableCount > progress.notable.size()) {
            out.printf(
                    "... and %d more files with problems (see the report)%n",
                    progress.notableCount - progress.notable.size());
        }
    }

    private static int systemError(String reason) {
        System.err.println("catalog ingest: " + reason);
        return Main.SYSTEM_ERROR;
    }
}
