package io.newsarchive.search;

import io.newsarchive.catalog.ArticleChanges;
import io.newsarchive.catalog.IndexedArticle;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Builds the index anew from PostgreSQL: a new index, every article of one snapshot written into it, then the
 * alias moved to it in one step, so that searches read the old index until the new one is complete. Changes made
 * meanwhile go to both (the indexer writes to the index being built too), and versions keep the newer copy of each
 * article. One build at a time runs over all instances (an advisory lock).
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);
    /** Advisory lock class of a build ("NAIB"). */
    private static final int BUILD_LOCK_CLASS = 0x4E414942;

    /** A built index: its name and how many articles were written into it. */
    public record Built(String index, long articles) {}

    private final DataSource dataSource;
    private final SearchEngine engine;
    private final ArticleIndex index;

    IndexRebuild(DataSource dataSource, SearchEngine engine, ArticleIndex index) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.index = index;
    }

    /**
     * Builds the index, telling {@code total} how many articles there are and {@code done} how many are written.
     * A build that fails leaves searches on the index they had, and deletes what it made.
     *
     * @return the new index, or empty when another build is running
     */
    public Optional<Built> rebuild(LongConsumer total, LongConsumer done) throws SQLException, IOException {
        return underBuildLock(() -> Optional.of(build(total, done)));
    }

    /**
     * Builds the index if searches have none or it misses changes ({@link ArticleChanges#indexStale}), checked again
     * under the build lock so that a build another instance just finished is not made twice; deletes what a build
     * that died left behind.
     *
     * @return the new index, or empty when none was needed or another build is running
     */
    Optional<Built> buildIfNeeded() throws SQLException, IOException {
        return underBuildLock(() -> {
            // under the lock no build runs: an index behind the building alias is left from one that died
            index.deleteUnfinishedBuilds();
            boolean stale;
            try (Connection c = dataSource.getConnection()) {
                stale = ArticleChanges.indexStale(c);
            }
            return stale || !index.searchable() ? Optional.of(build(n -> {}, n -> {})) : Optional.empty();
        });
    }

    /** Work that only one instance does at a time. */
    private interface BuildWork {
        Optional<Built> run() throws SQLException, IOException;
    }

    private Optional<Built> underBuildLock(BuildWork work) throws SQLException, IOException {
        try (Connection lock = dataSource.getConnection()) {
            if (!lock(lock, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                return work.run();
            } finally {
                lock(lock, "pg_advisory_unlock");
            }
        }
    }

    private Built build(LongConsumer total, LongConsumer done) throws SQLException, IOException {
        String name = null;
        ArticleChanges.Build build;
        long written;
        try (Connection c = dataSource.getConnection()) {
            try {
                c.setAutoCommit(false);
                ArticleChanges.startRecording(c);
                c.commit();
                c.setAutoCommit(true);
                total.accept(ArticleChanges.count(c));
                index.deleteUnfinishedBuilds();
                name = index.createForBuilding();
                LOG.infof("building the search index %s", name);
                build = ArticleChanges.startBuild(c);
                long version = build.version();
                try (BulkWriter writer = new BulkWriter(
                        batch -> index.write(batch, version, List.of(index.buildingAlias())),
                        engine.config().bulkRequests(),
                        done)) {
                    ArticleChanges.everyArticle(c, engine.config().batchChanges(), writer::add);
                    written = writer.finish();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            if (name != null) {
                index.deleteQuietly(name);
            }
            throw e;
        }
        index.publish(name);
        try (Connection c = dataSource.getConnection()) {
            ArticleChanges.built(c, build.epoch());
        }
        LOG.infof("the search index %s holds %d articles and is searched now", name, written);
        return new Built(name, written);
    }

    /** A bulk request of articles. */
    private interface Bulk {
        void write(List<IndexedArticle> batch) throws IOException;
    }

    /**
     * Sends batches as they fill, {@code inFlight} bulk requests at once while the next batch is read, so that
     * reading PostgreSQL and indexing in OpenSearch overlap.
     */
    private final class BulkWriter implements AutoCloseable {

        private final Bulk bulk;
        private final int inFlight;
        private final LongConsumer done;
        private final ExecutorService senders;
        private final Semaphore slots;
        private final AtomicLong written = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private long added;
        private List<IndexedArticle> batch = new ArrayList<>();

        BulkWriter(Bulk bulk, int inFlight, LongConsumer done) {
            this.bulk = bulk;
            this.inFlight = inFlight;
            this.done = done;
            this.senders = Executors.newFixedThreadPool(inFlight);
            this.slots = new Semaphore(inFlight);
        }

        void add(IndexedArticle article) {
            batch.add(article);
            added++;
            if (batch.size() == engine.config().batchChanges()) {
                send();
            }
        }

        /** Sends what is left, waits for every request and answers how many articles were written. */
        long finish() throws IOException {
            send();
            slots.acquireUninterruptibly(inFlight);
            slots.release(inFlight);
            failIfFailed();
            if (written.get() != added) {
                throw new IOException("the new index holds " + written.get() + " of " + added + " articles");
            }
            return written.get();
        }

        private void send() {
            try {
                failIfFailed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (batch.isEmpty()) {
                return;
            }
            List<IndexedArticle> full = batch;
            batch = new ArrayList<>();
            slots.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    bulk.write(full);
                    done.accept(written.addAndGet(full.size()));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
        }

        private void failIfFailed() throws IOException {
            Throwable e = failure.get();
            if (e instanceof IOException io) {
                throw io;
            } else if (e != null) {
                throw new IOException("writing to the new index failed: " + e, e);
            }
        }

        @Override
        public void close() {
            senders.shutdownNow();
        }
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?, 0)")) {
            ps.setInt(1, BUILD_LOCK_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
