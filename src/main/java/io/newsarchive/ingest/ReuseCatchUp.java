package io.newsarchive.ingest;

import io.newsarchive.reuse.ReuseBacklog;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Links the articles stored since the last pass to the passages they share ({@link ReuseBacklog}), every few
 * seconds on every instance, but never while an ingest run stores files: linking costs about as much as storing,
 * and on a small machine it would slow the run by as much. Instances take turns through the catalog's write lock.
 * Passes look from where the last one ended; once an hour one looks from the first article, for those a restore
 * brought back under older ids.
 */
@ApplicationScoped
public class ReuseCatchUp {

    private static final Logger LOG = Logger.getLogger(ReuseCatchUp.class);

    @Inject
    ReuseBacklog backlog;

    @Inject
    IngestRuns runs;

    @Inject
    CatalogConfig config;

    private static final Duration FULL_LOOK = Duration.ofHours(1);

    private Instant nextFullLook = Instant.EPOCH;

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.reuse().enabled()) {
            return;
        }
        if (Instant.now().isAfter(nextFullLook)) {
            backlog.lookFromTheStart();
            nextFullLook = Instant.now().plus(FULL_LOOK);
        }
        linkWaiting();
    }

    /** Links batches until none is full or an ingest run starts; returns how many articles it linked. */
    long linkWaiting() {
        long linked = 0;
        try {
            int batch = config.reuse().batchArticles();
            int done;
            do {
                if (runs.anyRunning()) {
                    break;
                }
                done = backlog.linkNext(batch);
                linked += done;
            } while (done == batch);
            if (linked > 0) {
                LOG.infof("shared passages looked for in %d new articles", linked);
            }
        } catch (DatabaseFailure | IngestFailure e) {
            LOG.warnf("shared passages wait for the database: %s", e.getMessage());
        }
        return linked;
    }
}
