package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.ingest.IngestRuns;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpired();
    }

    /** Returns the folders deleted. */
    public List<String> deleteExpired() {
        runs.markInterrupted();
        List<String> deleted = new ArrayList<>();
        for (String upload : expired()) {
            Path dir = Path.of(upload);
            if (!Files.exists(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
                deleted.add(upload);
            } catch (IOException e) {
                LOG.warnf("cannot delete the expired upload %s: %s", upload, e.getMessage());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("deleted %d uploads whose runs ended more than %s ago", deleted.size(), config.uploads().keepFor());
        }
        return deleted;
    }

    private List<String> expired() {
        List<String> uploads = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement select = conn.prepareStatement("""
                     select upload_dir from ingest_run where upload_dir is not null group by upload_dir
                     having bool_and(status <> 'running') and max(coalesce(finished_at, started_at)) < now() - ?::interval""")) {
            select.setString(1, config.uploads().keepFor().getSeconds() + " seconds");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    uploads.add(rs.getString(1));
                }
            }
            return uploads;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
