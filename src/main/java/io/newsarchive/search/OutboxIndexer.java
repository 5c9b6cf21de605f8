package io.newsarchive.search;

import io.newsarchive.catalog.ArticleChanges;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch._types.OpenSearchException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Brings the search index up to date with the outbox, every second on every instance: each pass claims batches of
 * changes ({@code catalog.search.opensearch.bulk-requests} at once; instances and claims take different ones), writes their articles as they are now in one bulk request and removes
 * the changes in the same transaction, so that a change leaves the outbox only once OpenSearch holds it. When
 * OpenSearch fails, the changes stay and the next pass tries again. A catalog whose index does not exist yet
 * (the first start with OpenSearch, or a new cluster) is built whole first.
 */
@ApplicationScoped
public class OutboxIndexer {

    private static final Logger LOG = Logger.getLogger(OutboxIndexer.class);

    private final DataSource dataSource;
    private final SearchEngine engine;
    private final ArticleIndex index;
    private final IndexRebuild rebuild;
    private final SearchStatus status;
    private final ExecutorService drainers;

    OutboxIndexer(
            DataSource dataSource, SearchEngine engine, ArticleIndex index, IndexRebuild rebuild, SearchStatus status) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.index = index;
        this.rebuild = rebuild;
        this.status = status;
        this.drainers = Executors.newFixedThreadPool(engine.config().bulkRequests());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void indexChanges() {
        if (!engine.configured()) {
            return;
        }
        try {
            prepare();
            // several bulk requests at once, each on its own claim, so that OpenSearch indexes while the next is read
            List<Future<Void>> drains = new ArrayList<>();
            for (int i = 0; i < engine.config().bulkRequests(); i++) {
                drains.add(drainers.submit(this::drain));
            }
            for (Future<Void> drain : drains) {
                drain.get();
            }
            status.indexed();
        } catch (ExecutionException e) {
            failed(e.getCause());
        } catch (IOException | OpenSearchException | SQLException e) {
            failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        measureLag();
    }

    /** Indexes batches until one is not full. */
    private Void drain() throws SQLException, IOException {
        int batch = engine.config().batchChanges();
        while (indexBatch(batch) >= batch) {
            // a full batch (with the later changes of its articles, maybe more): more may wait
        }
        return null;
    }

    private void failed(Throwable e) {
        if (e instanceof SQLException) {
            LOG.warnf("the search index waits for the database: %s", e.getMessage());
        } else if (e instanceof IOException || e instanceof OpenSearchException) {
            status.indexingFailed((Exception) e);
        } else {
            // a fault of this code, not of OpenSearch: the next pass tries again
            LOG.error("indexing failed", e);
        }
    }

    @PreDestroy
    void stop() {
        drainers.shutdownNow();
    }

    /**
     * Indexes every change waiting now, including those another pass is writing, and makes them searchable at
     * once: for tests and benchmarks, which search right after a change.
     */
    public void catchUp() throws SQLException, IOException, InterruptedException {
        prepare();
        while (!index.searchable()) {
            // a build another pass started; should it die, this builds
            Thread.sleep(50);
            prepare();
        }
        int batch = engine.config().batchChanges();
        while (true) {
            if (indexBatch(batch) > 0) {
                continue;
            }
            try (Connection c = dataSource.getConnection()) {
                if (ArticleChanges.oldestPending(c).isEmpty()) {
                    break;
                }
            }
            // changes another pass holds
            Thread.sleep(20);
        }
        index.refresh();
    }

    /** Indexes one batch of changes; answers how many changes it took. */
    int indexBatch(int max) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ArticleChanges.Claim claim = ArticleChanges.claim(c, max);
                List<String> targets = index.writeTargets();
                if (claim.seqs().isEmpty() || targets.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                index.write(claim.articles(), claim.version(), targets);
                ArticleChanges.done(c, claim.seqs());
                c.commit();
                return claim.seqs().size();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Records changes from the first start with OpenSearch on (they wait in the outbox even while OpenSearch is
     * down), and builds the index if searches have none (a new cluster, or a first build that died) or if it misses
     * changes (made while recording was off); deletes what a build that died left behind.
     */
    private void prepare() throws SQLException, IOException {
        boolean stale;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ArticleChanges.startRecording(c);
                stale = ArticleChanges.indexStale(c);
                c.commit();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        if (stale
                || !index.searchable()
                || !index.indicesOf(index.buildingAlias()).isEmpty()) {
            // while another instance builds, this returns at once (the build lock)
            rebuild.buildIfNeeded();
        }
    }

    /**
     * Stops recording changes for the index and drops those waiting, for a catalog that no longer searches with
     * OpenSearch; answers how many were dropped. The next start with OpenSearch builds the index anew.
     */
    public long stopRecording() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long dropped = ArticleChanges.stopRecording(c);
            c.commit();
            return dropped;
        }
    }

    private void measureLag() {
        try (Connection c = dataSource.getConnection()) {
            status.measuredLag(ArticleChanges.oldestPending(c));
        } catch (SQLException e) {
            // the next pass measures again
        }
    }
}
