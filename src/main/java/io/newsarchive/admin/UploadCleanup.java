package io.newsarchive.admin;

import io.newsarchive.ingest.IngestReports;
import io.newsarchive.system.CatalogConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the folders of uploads whose runs all ended more than {@code catalog.uploads.keep-for} ago. What was stored
 * is in the catalog and every run keeps its report; only the bytes of rejected files and of never-stored dry runs go.
 */
@ApplicationScoped
public class UploadCleanup {

    private static final Logger LOG = Logger.getLogger(UploadCleanup.class);

    @Inject
    IngestReports reports;

    @Inject
    CatalogConfig config;

    @Inject
    UploadRuns uploadRuns;

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpired();
    }

    /** Returns the folders deleted. */
    public List<String> deleteExpired() {
        List<String> deleted = new ArrayList<>();
        // candidates only: deleteIfExpired decides, at the moment of deleting
        for (String upload : reports.uploadsOfEndedRuns()) {
            if (uploadRuns.deleteIfExpired(upload, config.uploads().keepFor())) {
                deleted.add(upload);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof(
                    "deleted %d uploads whose runs ended more than %s ago",
                    deleted.size(), config.uploads().keepFor());
        }
        return deleted;
    }
}
