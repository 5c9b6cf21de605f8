package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.ingest.IngestRuns;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    AgroalDataSource dataSource;

    @Inject
    CatalogConfig config;

    @Inject
    IngestRuns runs;

    @Inject
    UploadJobs jobs;

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpired();
    }

    /** Returns the folders deleted. */
    public List<String> deleteExpired() {
        runs.markInterrupted();
        List<String> deleted = new ArrayList<>();
        for (String upload : uploadsOfEndedRuns()) {
            if (jobs.deleteIfExpired(upload, config.uploads().keepFor())) {
                deleted.add(upload);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("deleted %d uploads whose runs ended more than %s ago", deleted.size(), config.uploads().keepFor());
        }
        return deleted;
    }

    /** Candidates only: {@link UploadJobs#deleteIfExpired} decides, at the moment of deleting. */
    private List<String> uploadsOfEndedRuns() {
        List<String> uploads = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement select = conn.prepareStatement("""
                     select upload_dir from ingest_run where upload_dir is not null group by upload_dir
                     having bool_and(status <> 'running')""");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                uploads.add(rs.getString(1));
            }
            return uploads;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
