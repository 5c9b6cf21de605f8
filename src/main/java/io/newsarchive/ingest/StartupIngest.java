package io.newsarchive.ingest;

import io.newsarchive.catalog.CatalogStatistics;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * On the first start of an empty catalog, ingests the configured corpus folder. Instances that start at once take
 * turns: the first ingests, the others wait for it (not ready meanwhile) and then find the catalog no longer empty.
 */
@ApplicationScoped
public class StartupIngest {

    private static final Logger LOG = Logger.getLogger(StartupIngest.class);

    @Inject
    CatalogConfig config;

    @Inject
    CatalogStatistics statistics;

    @Inject
    IngestService ingest;

    @Inject
    IngestReports reports;

    @Inject
    IngestRuns runs;

    @Inject
    InstanceTurns turns;

    private volatile boolean checked;

    /** Whether there is nothing (more) to wait for: the check is done, or there is none to do. */
    public boolean settled() {
        return checked || !config.startupIngest().enabled();
    }

    /** @return the id of the run, or null when there was nothing to do */
    public Long runIfCatalogEmpty() {
        try {
            return turns.inTurn(InstanceTurns.Turn.STARTUP_INGEST, "", this::ingestIfCatalogEmpty);
        } finally {
            checked = true;
        }
    }

    private Long ingestIfCatalogEmpty() {
        int interrupted = runs.markInterrupted();
        if (interrupted > 0) {
            LOG.warnf(
                    "%d ingest runs were interrupted by an earlier stop; their stored files are complete", interrupted);
        }
        Path corpus = Path.of(config.startupIngest().path());
        if (!config.startupIngest().enabled() || !catalogIsEmpty()) {
            return null;
        }
        if (!Files.isDirectory(corpus)) {
            LOG.infof("the catalog is empty and there is no folder %s to ingest", corpus.toAbsolutePath());
            return null;
        }
        try (InputFiles input = InputFiles.of(List.of(corpus))) {
            long runId =
                    ingest.ingest(input, new IngestRequest(Trigger.STARTUP, "startup", false), IngestProgress.NONE);
            IngestReports.Counts c = reports.find(runId).orElseThrow().counts();
            LOG.infof(
                    "ingested %s on first start (run %d): %d added, %d duplicate, %d revised, %d rejected",
                    corpus, runId, c.added(), c.duplicate(), c.revised(), c.rejected());
            return runId;
        } catch (IngestFailure e) {
            LOG.error(e.getMessage());
            return null;
        }
    }

    private boolean catalogIsEmpty() {
        try {
            return statistics.isEmpty();
        } catch (DatabaseFailure e) {
            throw new IngestFailure("cannot read the catalog: " + e.getCause().getMessage(), e);
        }
    }
}
