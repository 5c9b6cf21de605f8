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
            List<IndexedArticle> batch = new ArrayList<>(BATCH);
            long[] written = {0};
            try {
                ArticleChanges.everyArticle(c, BATCH, article -> {
                    batch.add(article);
                    if (batch.size() == BATCH) {
                        write(batch, version, name);
                        written[0] += batch.size();
                        done.accept(written[0]);
                        batch.clear();
                    }
                });
                write(batch, version, name);
                written[0] += batch.size();
                done.accept(written[0]);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            index.publish(name);
            LOG.infof("the search index %s holds %d articles and is searched now", name, written[0]);
            return name;
        }
    }

    private void write(List<IndexedArticle> batch, long version, String name) {
        try {
            index.write(batch, version, List.of(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
