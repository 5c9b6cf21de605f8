package io.newsarchive.ingest;

import io.newsarchive.reuse.ReuseBacklog;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's catch-up of text reuse between ingest runs (off on a schedule in tests, so called here). */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ReuseCatchUpTest {

    @Inject
    ReuseCatchUp catchUp;

    @Inject
    ReuseBacklog backlog;

    @Inject
    IngestRuns runs;

    /** Two articles of two sources that share a sentence. */
    private static List<Long> sharingPair() {
        String shared = "The " + uniqueWord() + " ferry will sail twice a day from Monday while the harbour wall is"
                + " repaired after the storm.";
        return ingest(
                article("Ferry", "https://www." + uniqueDomain() + "/ferry", shared, "Tickets cost less."),
                article("Ferry news", "https://www." + uniqueDomain() + "/ferry-news", "Islanders cheered.", shared));
    }

    private static long linked(List<Long> ids) throws SQLException {
        return CatalogTestDatabase.count(
                "select count(*) from reuse_article where article_id in (" + ids.get(0) + ", " + ids.get(1) + ")");
    }

    private static long sharedPassages(List<Long> ids) throws SQLException {
        return CatalogTestDatabase.count("select count(*) from passage_carrier x join passage_carrier y using"
                + " (passage_id) where x.article_id = " + ids.get(0) + " and y.article_id = " + ids.get(1));
    }

    @Test
    void waitingArticlesAreLinked() throws SQLException {
        List<Long> ids = sharingPair();
        assertTrue(backlog.waiting() >= 2);

        assertTrue(catchUp.linkWaiting() >= 2);

        assertEquals(0, backlog.waiting());
        assertEquals(2, linked(ids));
        assertEquals(1, sharedPassages(ids));
    }

    @Test
    void nothingIsLinkedWhileAnIngestRunStoresFiles() throws SQLException {
        List<Long> ids = sharingPair();
        // another instance's run, as IngestRuns starts one: its row and, on its own connection, its lock
        try (Connection instance = CatalogTestDatabase.connect()) {
            instance.setAutoCommit(false);
            long run = insertRun(instance);
            try (PreparedStatement lock = instance.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, run);
                lock.execute();
            }
            instance.commit();

            assertEquals(0, catchUp.linkWaiting());
            assertEquals(0, linked(ids));

            // the run ends as IngestRuns ends one
            instance.setAutoCommit(true);
            try (PreparedStatement end = instance.prepareStatement(
                    "update ingest_run set status = 'completed', finished_at = clock_timestamp() where id = ?")) {
                end.setLong(1, run);
                end.executeUpdate();
            }
            try (PreparedStatement unlock = instance.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, run);
                unlock.execute();
            }
        }

        assertTrue(catchUp.linkWaiting() >= 2);
        assertEquals(2, linked(ids));
        assertEquals(1, sharedPassages(ids));
    }

    @Test
    void aRunWhoseProcessDiedHoldsNothingBack() throws SQLException {
        List<Long> ids = sharingPair();
        try (Connection c = CatalogTestDatabase.connect()) {
            insertRun(c);
        }

        assertTrue(catchUp.linkWaiting() >= 2, "a run left running without its lock is no run");
        assertEquals(2, linked(ids));
        runs.markInterrupted();
    }

    private static long insertRun(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                     insert into ingest_run (trigger, started_by, status, dry_run, started_at)
                     values ('web', 'test', 'running', false, clock_timestamp()) returning id""");
                ResultSet rs = insert.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
