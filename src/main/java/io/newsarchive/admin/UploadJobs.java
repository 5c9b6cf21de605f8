package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
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
import io.newsarchive.system.DatabaseFailure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "upload-run");
        t.setDaemon(true);
        return t;
    });

    /** Runs over a new upload; dry by default, so that archivists see the report before anything is stored. */
    public long start(Path upload, boolean dryRun, String user) {
        return run(new IngestRequest(Trigger.web, user, dryRun, upload.toString(), null));
    }

    /**
     * Stores the files of a completed dry run, once: a second request (a double click, a second archivist) gets the
     * run the first one started. Commits and retries take turns, so that each sees the runs the other started.
     */
    public synchronized long commit(IngestReports.RunSummary dryRun, String user) {
        if (!dryRun.dryRun() || dryRun.uploadDir() == null || !"completed".equals(dryRun.status())) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "run " + dryRun.id()
                    + " is not a completed dry run of an upload, so there is nothing to commit", null);
        }
        Long earlier = committedBy(dryRun.id());
        return earlier != null ? earlier
                : run(new IngestRequest(Trigger.web, user, false, dryRun.uploadDir(), dryRun.id()));
    }

    /** Runs again over the upload of a run that failed or was interrupted, unless a run over it is under way. */
    public synchronized long retry(IngestReports.RunSummary run, String user) {
        if (run.uploadDir() == null || !List.of("failed", "interrupted").contains(run.status())) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "run " + run.id()
                    + " did not fail and was not interrupted, or has no upload to run again", null);
        }
        Long committed = run.commitsRun() == null ? null : committedBy(run.commitsRun());
        Long running = firstRun("select id from ingest_run where upload_dir = ? and status = 'running'", run.uploadDir());
        return committed != null ? committed : running != null ? running
                : run(new IngestRequest(Trigger.web, user, run.dryRun(), run.uploadDir(), run.commitsRun()));
    }

    /** The run that stores (or stored) the files of this dry run, if any. */
    public Long committedBy(long dryRunId) {
        return firstRun("select id from ingest_run where commits_run = ? and status in ('running', 'completed')",
                dryRunId);
    }

    private Long firstRun(String select, Object value) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement statement = conn.prepareStatement(select + " order by id desc limit 1")) {
            statement.setObject(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
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
