package io.newsarchive.admin;

import io.newsarchive.account.SignedIn;
import io.newsarchive.ingest.FileResult;
import io.newsarchive.ingest.IngestFailure;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.ingest.IngestRequest;
import io.newsarchive.ingest.IngestService;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.InstanceTurns;
import io.newsarchive.ingest.RunStatus;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.ingest.Uploads;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Ingest runs over kept uploads, in the background: the request that starts one returns as soon as the run is
 * recorded, and the run's page follows it. A run cut off by a restart shows as interrupted and can be run again.
 * The instance asked to start a run runs it (no queue: it records the run holding the run's lock), and the uploads
 * are in a folder every instance mounts, so that any instance may start a run over any upload.
 */
@ApplicationScoped
public class UploadRuns {

    private static final Logger LOG = Logger.getLogger(UploadRuns.class);
    private static final Duration START_WITHIN = Duration.ofMinutes(2);

    @Inject
    IngestService ingest;

    @Inject
    Uploads uploads;

    @Inject
    IngestReports reports;

    @Inject
    CatalogConfig config;

    @Inject
    InstanceTurns turns;

    /** The container's threads, without the context of the request that starts a run (a run outlives it). */
    private final ManagedExecutor workers = ManagedExecutor.builder()
            .propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING)
            .build();

    /**
     * Runs over a new upload; dry by default, so that archivists see the report before anything is stored. An upload
     * whose run cannot start is deleted, since no run would ever point to it.
     */
    public long start(Path upload, boolean dryRun, String user) {
        return run(request(user, dryRun, upload.toString(), null), () -> delete(upload));
    }

    /**
     * Deletes an upload if all its runs ended longer than {@code keepFor} ago; taking turns with commits and retries,
     * so that a run that is just starting over it keeps it.
     */
    public boolean deleteIfExpired(String upload, Duration keepFor) {
        return inTurn(
                upload,
                () -> reports.allEndedBefore(upload, keepFor)
                        && Files.isDirectory(Path.of(upload))
                        && delete(Path.of(upload)));
    }

    private boolean delete(Path upload) {
        try {
            uploads.delete(upload);
            return true;
        } catch (IOException e) {
            LOG.warnf("cannot delete the upload %s: %s", upload, e.getMessage());
            return false;
        }
    }

    /**
     * Stores the files of a completed dry run, once: a second request (a double click, a second archivist) gets the
     * run the first one started. Commits and retries take turns, so that each sees the runs the other started.
     */
    public long commit(IngestReports.RunSummary dryRun, SignedIn user) {
        checkMayUse(dryRun, user);
        if (!dryRun.dryRun() || dryRun.uploadDir() == null || dryRun.status() != RunStatus.COMPLETED) {
            throw ApiError.failure(
                    Response.Status.CONFLICT,
                    "conflict",
                    "run " + dryRun.id() + " is not a completed dry run of an upload, so there is nothing to commit",
                    null);
        }
        return inTurn(dryRun.uploadDir(), () -> {
            Long earlier = reports.committedBy(dryRun.id());
            return earlier != null
                    ? earlier
                    : run(request(user.name(), false, dryRun.uploadDir(), dryRun.id()), () -> {});
        });
    }

    /** Runs again over the upload of a run that failed or was interrupted, unless a run over it is under way. */
    public long retry(IngestReports.RunSummary run, SignedIn user) {
        checkMayUse(run, user);
        if (run.uploadDir() == null || !run.status().stoppedEarly()) {
            throw ApiError.failure(
                    Response.Status.CONFLICT,
                    "conflict",
                    "run " + run.id() + " did not fail and was not interrupted, or has no upload to run again",
                    null);
        }
        return inTurn(run.uploadDir(), () -> {
            Long committed = run.commitsRun() == null ? null : reports.committedBy(run.commitsRun());
            Long running = reports.runningOver(run.uploadDir());
            return committed != null
                    ? committed
                    : running != null
                            ? running
                            : run(request(user.name(), run.dryRun(), run.uploadDir(), run.commitsRun()), () -> {});
        });
    }

    /** A run of the admin pages over a kept upload, recording the names its files were uploaded with. */
    private IngestRequest request(String user, boolean dryRun, String upload, Long commitsRun) {
        return new IngestRequest(Trigger.WEB, user, dryRun, upload, commitsRun, uploads.names(upload));
    }

    /**
     * Commits, retries and deletions of one upload take turns, on every instance of the catalog; those of other
     * uploads do not wait for them.
     */
    private <T> T inTurn(String upload, Supplier<T> action) {
        return turns.inTurn(InstanceTurns.Turn.UPLOAD, upload, action);
    }

    /** Whether this user may download, store or run again the files of the run's upload (catalog.uploads.shared). */
    public boolean mayUse(IngestReports.RunSummary run, SignedIn user) {
        return config.uploads().shared()
                || user.admin()
                || run.uploadDir() == null
                || reports.uploader(run.uploadDir()).map(user.name()::equals).orElse(false);
    }

    /** Refuses what {@link #mayUse} does not allow, naming whose upload it is. */
    public void checkMayUse(IngestReports.RunSummary run, SignedIn user) {
        if (!mayUse(run, user)) {
            throw ApiError.failure(
                    Response.Status.FORBIDDEN,
                    "forbidden",
                    "the files of run " + run.id() + " were"
                            + " uploaded by "
                            + reports.uploader(run.uploadDir()).orElse("someone else") + "; on this catalog"
                            + " only an upload's archivist and admins may download, store or run them again",
                    null);
        }
    }

    /**
     * Starts the run on a worker and waits until its row exists. {@code notStarted} runs on the worker when the run
     * could not start at all, once nothing will read the upload any more.
     */
    private long run(IngestRequest request, Runnable notStarted) {
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
                    public void advanced(int filesDone, List<FileResult> batch) {}
                });
            } catch (Throwable e) {
                if (started.completeExceptionally(e)) {
                    notStarted.run();
                } else {
                    LOG.errorf("upload run over %s stopped: %s", upload, e.getMessage());
                }
            }
        });
        try {
            // bounded, as commits and retries wait here in turn
            return started.get(START_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputFiles.InputException input) {
                throw ApiError.badParameter("file", input.getMessage());
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IngestFailure("the run over " + upload + " could not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IngestFailure(
                    "the run over " + upload + " did not start within " + START_WITHIN
                            + "; it may still start and then shows in the list of runs",
                    e);
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
