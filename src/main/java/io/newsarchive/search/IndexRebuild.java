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
    /** Articles per bulk request and per read from PostgreSQL. */
    private static final int BATCH = 500;
    /** Bulk requests sent at once. */
    private static final int IN_FLIGHT = 2;

    private final DataSource dataSource;
    private final ArticleIndex index;

    IndexRebuild(DataSource dataSource, ArticleIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    /**
     * Builds the index, telling {@code total} how many articles there are and {@code done} how many are written.
     *
     * @return the new index's name, or null when another build is running
     */
    public String rebuild(LongConsumer total, LongConsumer done) throws SQLException, IOException {
        try (Connection lock = dataSource.getConnection()) {
            if (!lock(lock, "pg_try_advisory_lock")) {
                return null;
            }
            try {
                return build(total, done);
            } finally {
                lock(lock, "pg_advisory_unlock");
            }
        }
    }

    private String build(LongConsumer total, LongConsumer done) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ArticleChanges.startRecording(c);
            c.commit();
            c.setAutoCommit(true);
            total.accept(ArticleChanges.count(c));
            String name = index.createForBuilding();
            LOG.infof("building the search index %s", name);
            long version = ArticleChanges.startBuild(c);
            long written;
            try (BulkWriter writer = new BulkWriter(batch -> index.write(batch, version, List.of(name)), done)) {
                ArticleChanges.everyArticle(c, BATCH, writer::add);
                written = writer.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            index.publish(name);
            LOG.infof("the search index %s holds %d articles and is searched now", name, written);
            return name;
        }
    }

    /** A bulk request of articles. */
    private interface Bulk {
        void write(List<IndexedArticle> batch) throws IOException;
    }

    /**
     * Sends batches as they fill, {@link #IN_FLIGHT} bulk requests at once while the next batch is read, so that
     * reading PostgreSQL and indexing in OpenSearch overlap.
     */
    private static final class BulkWriter implements AutoCloseable {

        private final Bulk bulk;
        private final LongConsumer done;
        private final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        private final Semaphore slots = new Semaphore(IN_FLIGHT);
        private final AtomicLong written = new AtomicLong();
        private final AtomicReference<IOException> failure = new AtomicReference<>();
        private List<IndexedArticle> batch = new ArrayList<>(BATCH);

        BulkWriter(Bulk bulk, LongConsumer done) {
            this.bulk = bulk;
            this.done = done;
        }

        void add(IndexedArticle article) {
            batch.add(article);
            if (batch.size() == BATCH) {
                send();
            }
        }

        /** Sends what is left, waits for every request and answers how many articles were written. */
        long finish() throws IOException {
            send();
            slots.acquireUninterruptibly(IN_FLIGHT);
            slots.release(IN_FLIGHT);
            if (failure.get() != null) {
                throw failure.get();
            }
            return written.get();
        }

        private void send() {
            if (failure.get() != null) {
                throw new UncheckedIOException(failure.get());
            }
            if (batch.isEmpty()) {
                return;
            }
            List<IndexedArticle> full = batch;
            batch = new ArrayList<>(BATCH);
            slots.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    bulk.write(full);
                    done.accept(written.addAndGet(full.size()));
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
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
