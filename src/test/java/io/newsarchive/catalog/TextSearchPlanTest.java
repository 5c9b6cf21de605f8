package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A text search counts its matches from the text index, not by a pass over the articles: the planner does not count
 * reading each article's text vector out of TOAST, and once the index holds many entries still pending (the rows of
 * an ingest, until a vacuum or the 4 MB {@code gin_pending_list_limit} moves them into the index) it takes a
 * sequential scan for cheaper. That scan took 720 ms instead of 85 ms to count a word in 7,000 of 25,000 articles,
 * and made text searches queue into 503s during an ingest (src/bench/load). Checked on the statement that counts a
 * text query's matches, planned with the settings every text search starts with. (Where the word is in most
 * articles of a small catalog the planner may still read every article through {@code article_latest_url_idx}.)
 */
class TextSearchPlanTest {

    /** The statement of {@link ListingCounts} that counts the matches of a text query, by source and month. */
    private static final String COUNT_MATCHES =
            "explain select source_id, date_trunc('month', published)::date as month,"
                    + " count(*) as n from (select a.source_id, a.published from article a where a.latest"
                    + " and a.status = 'active' and a.search_vector @@ websearch_to_tsquery('english', ?) limit 150000) m"
                    + " group by 1, 2";

    private static final String ARTICLES = """
            insert into article (normalized_url, version, latest, headline, published, url, source_id, file_name,
                                 sha256, size_bytes, sentence_count, word_count, sentences, ingest_run_id, ingested_at)
            select 'https://plan.example/' || i, 1, true, 'Story ' || i, date '2022-01-01' + i % 365,
                   'https://www.plan.example/' || i, (select id from source), i || '.txt',
                   encode(sha256(i::text::bytea), 'hex'), 4000, 30, 600,
                   array(select case when i % 3 = 0 and j = 1 then 'The minister spoke on day ' || i
                                     else 'Sentence ' || j || ' of story ' || i || ' about word' || (i * 31 + j)
                                          || ' and word' || (i * 17 + j * 7) end
                         from generate_series(1, 30) j),
                   (select id from ingest_run), now()
            from generate_series(?, ?) i""";

    private static Map<String, String> db;

    /**
     * 5,000 articles of 30 sentences (their vectors are kept in TOAST), analyzed, then 3,000 more, as an ingest adds
     * them: in the text index's list of pending entries. The word is in one article of three. No autovacuum on
     * this table, so that nothing moves the pending entries meanwhile, whatever the server's settings.
     */
    @BeforeAll
    static void aCatalogWithAnIngestPendingInTheTextIndex() throws SQLException {
        db = migratedDatabase();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("alter table article set (autovacuum_enabled = false)");
            // the default 4 MB list, as before V7: what the search settings must hold against even so
            s.execute("alter index article_search_idx reset (gin_pending_list_limit)");
            s.execute("insert into source (host, domain) values ('www.plan.example', 'plan.example')");
            s.execute("insert into ingest_run (trigger, started_by, status, dry_run, started_at)"
                    + " values ('cli', 'test', 'completed', false, now())");
            insert(c, 1, 5000);
            s.execute("analyze article");
            insert(c, 5001, 8000);
        }
    }

    private static void insert(Connection c, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ARTICLES)) {
            ps.setInt(1, from);
            ps.setInt(2, to);
            ps.executeUpdate();
        }
    }

    @Test
    void theTextIndexesKeepTheirListsOfPendingEntriesShort() throws SQLException {
        Map<String, String> fresh = migratedDatabase();
        try (Connection c = connect(fresh);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select c.relname, array_to_string(c.reloptions, ',') from pg_index i"
                        + " join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam"
                        + " where i.indrelid = 'article'::regclass and am.amname = 'gin' order by 1")) {
            List<String> indexes = new ArrayList<>();
            while (rs.next()) {
                indexes.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertEquals(
                    List.of(
                            "article_headline_idx gin_pending_list_limit=256",
                            "article_lead_idx gin_pending_list_limit=256",
                            "article_search_idx gin_pending_list_limit=256"),
                    indexes);
        }
    }

    @Test
    void withoutTheSearchSettingsThePlannerScansEveryArticle() throws SQLException {
        // what makes the test below mean something: this catalog does tempt the planner
        try (Connection c = connect()) {
            assertTrue(plan(c).contains("Seq Scan on article"), plan(c));
        }
    }

    @Test
    void aTextSearchCountsItsMatchesFromTheTextIndex() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            PostgresSearch.startListing(c, true, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            String plan = plan(c);
            assertFalse(plan.contains("Seq Scan on article"), plan);
            assertTrue(plan.contains("article_search_idx"), plan);
            c.rollback();
        }
    }

    private static String plan(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COUNT_MATCHES)) {
            ps.setString(1, "minister");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static Map<String, String> migratedDatabase() {
        Map<String, String> fresh = CatalogTestDatabase.freshDatabase();
        Flyway.configure()
                .dataSource(
                        fresh.get("quarkus.datasource.jdbc.url"),
                        fresh.get("quarkus.datasource.username"),
                        fresh.get("quarkus.datasource.password"))
                .locations("filesystem:migrations")
                .load()
                .migrate();
        return fresh;
    }

    private static Connection connect() throws SQLException {
        return connect(db);
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(
                database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"),
                database.get("quarkus.datasource.password"));
    }
}
