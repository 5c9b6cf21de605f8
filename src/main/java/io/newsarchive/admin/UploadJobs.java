package io.newsarchive.admin;

import io.newsarchive.audit.AuditEvent;
import io.newsarchive.ingest.FileResult;
import io.newsarchive.ingest.IngestFailure;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.ingest.IngestRequest;
import io.newsarchive.ingest.IngestService;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.system.ApiError;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Ingest runs over kept uploads, in the background: the request that starts one returns as soon as the run is
 * recorded, and the run's page follows it. A run cut off by a restart shows as interrupted and can be run again.
 */
@ApplicationScoped
public class UploadJobs {

    private static final Logger LOG = Logger.getLogger(UploadJobs.class);

    @Inject
    IngestService ingest;

    @Inject
    Uploads uploads;

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "upload-run");
        t.setDaemon(true);
        return t;
    });

    /** Runs over a new upload; dry by default, so that archivists see the report before anything is stored. */
    public long start(Path upload, boolean dryRun, String user) {
        return run(new IngestRequest(Trigger.web, user, dryRun, upload.toString(), null));
    }

    /** Stores the files of a completed dry run. */
    public long commit(IngestReports.RunSummary dryRun, String user) {
        if (!dryRun.dryRun() || dryRun.uploadDir() == null || !"completed".equals(dryRun.status())) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "run " + dryRun.id()
                    + " is not a completed dry run of an upload, so there is nothing to commit", null);
        }
        return run(new IngestRequest(Trigger.web, user, false, dryRun.uploadDir(), dryRun.id()));
    }

    /** Runs again over the upload of a run that failed or was interrupted. */
    public long retry(IngestReports.RunSummary run, String user) {
        if (run.uploadDir() == null || !List.of("failed", "interrupted").contains(run.status())) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "run " + run.id()
                    + " did not fail and was not interrupted, or has no upload to run again", null);
        }
        return run(new IngestRequest(Trigger.web, user, run.dryRun(), run.uploadDir(), run.commitsRun()));
    }

    private long run(IngestRequest request) {
        String upload = request.uploadDir();
        CompletableFuture<Long> started = new CompletableFuture<>();
        workers.submit(() -> {
            try (InputFiles input = uploads.open(upload)) {
                ingest.ingest(input, request, new IngestProgress() {
                    @Override
                    public void started(long runId, int totalFiles) {
                        started.complete(runId);
                    }

                    @Override
                    public void advanced(int filesDone, List<FileResult> batch) {
                    }
                });
            } catch (RuntimeException e) {
                if (!started.completeExceptionally(e)) {
                    LOG.errorf("upload run over %s stopped: %s", upload, e.getMessage());
                }
            }
        });
        try {
            long runId = started.get();
            if (!request.dryRun()) {
                AuditEvent.ingestRun(request.startedBy(), runId);
            }
            return runId;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputFiles.InputException input) {
                throw ApiError.badParameter("file", input.getMessage());
            }
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestFailure("interrupted while starting a run over " + upload, e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
