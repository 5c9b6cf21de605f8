package io.newsarchive.catalog;

import io.newsarchive.system.CatalogWriteLock;
import io.newsarchive.system.Words;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The search index's outbox ({@code article_change}, filled by triggers on {@code article}, V8) and the articles as
 * the index holds them. Every method works in the caller's transaction on {@code c}.
 */
public final class ArticleChanges {

    /**
     * Changes claimed for indexing: the current state of their articles, read after the claim, and the version
     * their documents get.
     */
    public record Claim(List<Long> seqs, List<IndexedArticle> articles, long version) {}

    /**
     * Advisory lock ("NAIV") that claims share and a full build takes alone while it takes its version and
     * snapshot: every claim then either read and wrote before the build's snapshot, with a lower version, or reads
     * after it with a higher one, so that the build's older copy never replaces a newer one.
     */
    private static final int VERSION_LOCK_CLASS = 0x4E414956;

    private static final String DOCUMENT_SELECT = """
            select a.id, a.headline, array_to_string(a.sentences[1:3], ' ') as lead,
                   article_body_text(a.sentences) as body, a.published, s.host, s.domain, a.status, a.latest,
                   a.word_count
            from article a join source s on s.id = a.source_id""";

    private ArticleChanges() {}

    /** A full build's start: the version of the documents it reads, and the recording epoch of its snapshot. */
    public record Build(long version, long epoch) {}

    /**
     * Starts recording changes, if not already. It waits for the catalog's writers (their lock), so that every
     * write either committed before or is recorded: a full index build started after this misses nothing. An index
     * made before misses the changes made until now, and is marked stale ({@link #indexStale}).
     */
    public static void startRecording(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select recording from search_outbox_state");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
                return;
            }
        }
        lockWriters(c);
        try (Statement update = c.createStatement()) {
            update.executeUpdate("update search_outbox_state"
                    + " set recording = true, index_stale = true, recording_epoch = recording_epoch + 1"
                    + " where not recording");
        }
    }

    /**
     * Stops recording changes and drops those waiting, for a catalog that goes back to PostgreSQL alone: the outbox
     * would otherwise grow with every write. Answers how many changes were dropped.
     */
    public static long stopRecording(Connection c) throws SQLException {
        lockWriters(c);
        long waiting;
        try (Statement update = c.createStatement()) {
            update.executeUpdate("update search_outbox_state"
                    + " set recording = false, index_stale = true, recording_epoch = recording_epoch + 1");
            try (ResultSet rs = update.executeQuery("select count(*) from article_change")) {
                rs.next();
                waiting = rs.getLong(1);
            }
            // waits for the claims holding rows, where deleting row by row could deadlock with them
            update.executeUpdate("truncate article_change");
        }
        return waiting;
    }

    /** Whether the index misses changes, until a build that started after the last start or stop of recording. */
    public static boolean indexStale(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select index_stale from search_outbox_state");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** A build from a snapshot of {@code epoch} was published: the index is current, unless recording changed since. */
    public static void built(Connection c, long epoch) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("update search_outbox_state set index_stale = false where recording_epoch = ?")) {
            ps.setLong(1, epoch);
            ps.executeUpdate();
        }
    }

    private static void lockWriters(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, 0)")) {
            lock.setInt(1, CatalogWriteLock.CLASS);
            lock.execute();
        }
    }

    /**
     * Claims up to {@code max} of the oldest changes that no one else holds, and reads their articles. A claim takes
     * an article's oldest waiting change, and with it the article's later ones: while a claim holds that oldest change,
     * no other claim takes any change of the article, so that reads of one article reach the index in the order they
     * were made (the next claim of it starts after this one commits, and takes a later version).
     */
    public static Claim claim(Connection c, int max) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock_shared(?, 0)")) {
            lock.setInt(1, VERSION_LOCK_CLASS);
            lock.execute();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select article_id from article_change c
                where not exists (select from article_change o where o.article_id = c.article_id and o.seq < c.seq)
                order by seq limit ? for update skip locked""")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select seq from article_change where article_id = any(?) for update")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        if (seqs.isEmpty()) {
            return new Claim(List.of(), List.of(), 0);
        }
        long version = nextVersion(c);
        List<IndexedArticle> articles = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DOCUMENT_SELECT + " where a.id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles.add(read(rs));
                }
            }
        }
        return new Claim(List.copyOf(seqs), List.copyOf(articles), version);
    }

    /** Removes indexed changes. */
    public static void done(Connection c, List<Long> seqs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from article_change where seq = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
    }

    /** When the oldest change not yet indexed was made, if any is waiting. */
    public static Optional<Instant> oldestPending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select changed_at from article_change order by seq limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
        }
    }

    /**
     * Starts a repeatable-read transaction on {@code c} (in auto-commit mode when called) for a full build of the
     * index, and answers the version of the documents it reads (above every claim that read before its snapshot,
     * below every claim that reads after it) and its snapshot's recording epoch.
     */
    public static Build startBuild(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?, 0)")) {
            lock.setInt(1, VERSION_LOCK_CLASS);
            lock.execute();
        }
        boolean started = false;
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            // the transaction's first statement takes its snapshot
            Build build;
            try (PreparedStatement ps = c.prepareStatement(
                            "select nextval('search_document_version'), recording_epoch from search_outbox_state");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                build = new Build(rs.getLong(1), rs.getLong(2));
            }
            started = true;
            return build;
        } finally {
            if (!started && !c.getAutoCommit()) {
                // an aborted transaction would refuse the unlock, and the lock would stay with the pooled connection
                c.rollback();
                c.setAutoCommit(true);
            }
            try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(?, 0)")) {
                unlock.setInt(1, VERSION_LOCK_CLASS);
                unlock.execute();
            }
        }
    }

    /** A version for documents read from now on, above every version handed out before. */
    private static long nextVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select nextval('search_document_version')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many articles the catalog holds, in every version and status. */
    public static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from article");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Every article of the transaction's snapshot, in id order, read in rows of {@code fetch} at a time (the caller
     * turns auto-commit off, which a cursor needs).
     */
    public static void everyArticle(Connection c, int fetch, Consumer<IndexedArticle> each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DOCUMENT_SELECT + " order by a.id")) {
            ps.setFetchSize(fetch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(read(rs));
                }
            }
        }
    }

    private static IndexedArticle read(ResultSet rs) throws SQLException {
        return new IndexedArticle(
                rs.getLong("id"),
                rs.getString("headline"),
                rs.getString("lead"),
                rs.getString("body"),
                rs.getObject("published", LocalDate.class),
                rs.getString("host"),
                rs.getString("domain"),
                Words.of(ArticleStatus.class, rs.getString("status")),
                rs.getBoolean("latest"),
                rs.getInt("word_count"));
    }
}
