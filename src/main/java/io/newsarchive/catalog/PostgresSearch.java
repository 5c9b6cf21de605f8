package io.newsarchive.catalog;

import io.micrometer.core.instrument.Timer;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Listings and full-text search on PostgreSQL alone (GIN over {@code tsvector}): the page and its counts read one
 * snapshot, every statement runs under {@code catalog.browse.statement-timeout}, and text searches take turns
 * ({@code catalog.browse.text-searches} at once) so that a burst of them leaves listings and ingest their cores.
 */
@ApplicationScoped
@Typed(PostgresSearch.class)
public class PostgresSearch implements ArticleSearch {

    private static final Logger LOG = Logger.getLogger(PostgresSearch.class);
    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";
    /** How much longer than the statement timeout a listing waits for the server to say it stopped a statement. */
    private static final Duration READ_MARGIN = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final ListingCounts counts;
    private final CatalogConfig.Browse config;
    private final Semaphore textSearches;
    private final SearchMetrics metrics;

    PostgresSearch(DataSource dataSource, ListingCounts counts, CatalogConfig config, SearchMetrics metrics) {
        this.dataSource = dataSource;
        this.counts = counts;
        this.config = config.browse();
        this.metrics = metrics;
        this.textSearches = new Semaphore(config.browse().textSearches(), true);
    }

    @Override
    public Listing list(ListingRequest request) {
        if (request.cursor() != null && request.cursor().scored()) {
            throw Cursor.fromOtherEngine();
        }
        Timer.Sample sample = metrics.start();
        Listing listing = read(request.filter(), (c, where, deadline) -> {
            ListingPages.Page page = ListingPages.page(c, request, where, deadline);
            List<ArticleJson> items = page.items();
            if (where.text() != null) {
                deadline.nextStatement();
                items = Snippets.add(c, items, where.text());
                deadline.nextStatement();
            }
            ListingCounts.Counts counted = counts.counts(c, request, where);
            return new Listing(
                    items,
                    page.next(),
                    page.prev(),
                    page.start() + 1,
                    counted.total(),
                    counted.estimate(),
                    request.facets() ? counted.facets() : null,
                    request.facets() ? counted.facetSources() : null,
                    counted.sampleSize());
        });
        metrics.answered(sample, EngineKind.POSTGRESQL, request.filter().q() != null);
        return listing;
    }

    /** Reads the matches of a filter within the time and turns of a listing ({@link #read}). */
    interface MatchReading<T> {
        T read(Connection c, FilterConditions where, ListingPages.Deadline deadline) throws SQLException;
    }

    /**
     * Reads what a filter matches as a listing does, on PostgreSQL whatever the search engine: in one snapshot,
     * a text search in its turn, every statement within what is left of {@code catalog.browse.statement-timeout}
     * (call the deadline before each statement after the first); a wait or a statement too long is the same 503
     * as a listing's.
     */
    <T> T read(CatalogFilter filter, MatchReading<T> reading) {
        boolean text = filter.q() != null;
        if (text) {
            takeTurn();
        }
        try (Connection c = dataSource.getConnection()) {
            // a server that hangs mid-listing cannot hold the request: no read outlasts the statements' deadline
            c.setNetworkTimeout(Runnable::run, (int)
                    config.statementTimeout().plus(READ_MARGIN).toMillis());
            // one snapshot for the page and its counts
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                // a text search's steps share the timeout, each getting what the steps before it left; a listing
                // without one is three cheap statements (its page, the catalog's version, its counts), each bounded
                long deadline = System.nanoTime() + config.statementTimeout().toNanos();
                startListing(c, text, deadline);
                FilterConditions where = FilterConditions.of(c, filter, config.maxQueryTerms());
                return reading.read(c, where, () -> limitStatements(c, text, deadline));
            } finally {
                // nothing was written; the rollback also ends the statement timeout set with "set local"
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e, filter);
        } finally {
            if (text) {
                textSearches.release();
            }
        }
    }

    @Override
    public String selection(Connection c, CatalogFilter filter) throws SQLException {
        try {
            setStatementTimeout(c, config.statementTimeout().toMillis() + "ms");
            String where =
                    FilterConditions.of(c, filter, config.maxQueryTerms()).inlined(c);
            // the export itself may take as long as its selection needs
            setStatementTimeout(c, "0");
            return where;
        } catch (SQLException e) {
            throw failure(e, filter);
        }
    }

    /**
     * Checks a text query as a listing would ({@link TextQuery}): a 400 that says what is wrong with it, so that
     * a search engine refuses exactly what PostgreSQL refuses.
     */
    public void checkTextQuery(String q) {
        try (Connection c = dataSource.getConnection()) {
            TextQuery.parse(c, q, config.maxQueryTerms());
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * The listed articles of these ids, in their order, with the snippets of text query {@code q} as a search on
     * PostgreSQL makes them; ids of no article are left out.
     */
    public List<ArticleJson> articles(List<Long> ids, String q) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return Snippets.add(c, articles(c, ids), TextQuery.parse(c, q, config.maxQueryTerms()));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static List<ArticleJson> articles(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + ArticleColumns.SELECT
                + " from unnest(?::bigint[]) with ordinality ids(id, n)"
                + " join article a on a.id = ids.id join source s on s.id = a.source_id order by ids.n")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<ArticleJson> articles = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles.add(ArticleColumns.read(rs));
                }
            }
            return articles;
        }
    }

    /** Waits for a text search's turn, at most half the statement timeout, so that waiting cannot double it. */
    private void takeTurn() {
        long wait = config.statementTimeout().toMillis() / 2;
        try {
            if (textSearches.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("a text search waited %d ms for its turn and was refused", wait);
        metrics.refused(SearchMetrics.Refusal.BUSY);
        throw ApiError.failure(
                Response.Status.SERVICE_UNAVAILABLE,
                SearchMetrics.Refusal.BUSY.toString(),
                "the catalog is answering as many" + " text searches as it can at once; try again in a moment",
                null);
    }

    /**
     * The statement timeout and, for a text search, how its statements are planned and run. A plan made for the statement's values: a generic plan,
     * which the pool's prepared statements turn to after a few runs, cannot tell a word in every tenth article
     * from a word in one. Memory enough for a bitmap of every page of the catalog, which otherwise turns lossy
     * and has PostgreSQL read each article's text vector again (2 s instead of 0.5 s to count 103,702 matches of a
     * million). No JIT: it costs more to compile than these statements take. No sequential scan of the articles:
     * the planner does not count reading each article's text vector out of TOAST, so where it thinks a scan cheaper
     * than the text index (a small catalog; a text index with a long list of entries still pending, as during and
     * after an ingest) the scan takes many times longer (counting a word in 7,000 of 25,000 articles: 720 ms
     * instead of 85 ms).
     */
    static void startListing(Connection c, boolean text, long deadline) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('statement_timeout', ?, true)"
                + (text
                        ? ", set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '64MB', true),"
                                + " set_config('jit', 'off', true), set_config('enable_seqscan', 'off', true)"
                        : ""))) {
            ps.setString(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + "ms");
            ps.execute();
        }
    }

    /**
     * Lets a text search's next statements run until the deadline ({@link System#nanoTime()}) at most; a listing
     * without a text query keeps the timeout it started with.
     */
    private static void limitStatements(Connection c, boolean text, long deadline) throws SQLException {
        if (!text) {
            return;
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left < 1) {
            throw new SQLException("the listing's time ran out between two statements", QUERY_CANCELED);
        }
        setStatementTimeout(c, left + "ms");
    }

    private static void setStatementTimeout(Connection c, String timeout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('statement_timeout', ?, true)")) {
            ps.setString(1, timeout);
            ps.execute();
        }
    }

    /** A statement that ran out of time is the request's size, not an outage. */
    private RuntimeException failure(SQLException e, CatalogFilter filter) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            LOG.infof("a listing ran out of time (%s): q=%s", config.statementTimeout(), filter.q());
            metrics.refused(SearchMetrics.Refusal.TIMEOUT);
            return ApiError.failure(
                    Response.Status.SERVICE_UNAVAILABLE,
                    SearchMetrics.Refusal.TIMEOUT.toString(),
                    "this search took longer than "
                            + config.statementTimeout().toSeconds()
                            + " s and was stopped; narrow it (more words, a source"
                            + " or a date range) and try again",
                    filter.q() == null ? null : "q");
        }
        return new DatabaseFailure(e);
    }
}
