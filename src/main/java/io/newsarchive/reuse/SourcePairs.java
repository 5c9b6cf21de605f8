package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who copies whom: the pairs of sources that carry the same passages within a period, and which of the two carried
 * each first. Only the latest active version at each address counts, and boilerplate is left out, as on an
 * article's page ({@link ArticleReuse}). The days each source carried each passage are kept as passages change
 * (migration V22: linking and article changes write again the passages they touch), so that a period reads its own
 * days, not every carrier.
 */
@ApplicationScoped
public class SourcePairs {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogConfig config;

    /**
     * The pairs that share the most passages.
     *
     * @param from  the first publication date counted, or null for no bound
     * @param to    the last, or null
     * @param total how many pairs share a passage in the period, listed or not
     * @param pairs at most {@code limit} of them, the most shared passages first
     */
    public record Pairs(LocalDate from, LocalDate to, int limit, long total, List<Pair> pairs) {}

    /**
     * Two sources, A before B by their hosts' bytes, and the passages both carry within the period. A source had a
     * passage first when its earliest article carrying it was published on an earlier date than the other's.
     *
     * @param shared         passages both carry
     * @param aFirst         of those, the passages A carried first
     * @param bFirst         the passages B carried first
     * @param ties           the passages both first carried on the same date
     * @param medianLeadDays the median over the shared passages of B's first date less A's, in days: above zero when
     *                       A mostly had them first
     */
    public record Pair(
            String sourceA, String sourceB, long shared, long aFirst, long bFirst, long ties, double medianLeadDays) {}

    /** The pairs of sources sharing passages first published from {@code from} to {@code to}, both optional. */
    public Pairs of(LocalDate from, LocalDate to, int limit) {
        // a source's earliest day carrying each passage in the period, the passages two sources carry then, and
        // every two sources of each; boilerplate and passages of one source are not kept at all
        String sql = """
                with firsts as (
                    select passage_id, source_id, min(day) as first, count(*) over (partition by passage_id) as sources
                    from passage_source_day
                    where day between coalesce(?, '-infinity'::date) and coalesce(?, 'infinity'::date)
                    group by passage_id, source_id),
                named as materialized (
                    select f.passage_id, s.host collate "C" as host, f.first
                    from firsts f join source s on s.id = f.source_id
                    where f.sources > 1)
                select a.host, b.host, count(*),
                    count(*) filter (where a.first < b.first),
                    count(*) filter (where b.first < a.first),
                    count(*) filter (where a.first = b.first),
                    percentile_cont(0.5) within group (order by b.first - a.first),
                    count(*) over ()
                from named a join named b on b.passage_id = a.passage_id and a.host < b.host
                group by a.host, b.host
                order by count(*) desc, a.host, b.host
                limit ?""";
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            ArticleReuse.browse(conn, config);
            List<Pair> pairs = new ArrayList<>();
            long total = 0;
            try (PreparedStatement select = conn.prepareStatement(sql)) {
                select.setObject(1, from, Types.DATE);
                select.setObject(2, to, Types.DATE);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        pairs.add(new Pair(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getDouble(7)));
                        total = rs.getLong(8);
                    }
                }
            }
            conn.commit();
            return new Pairs(from, to, limit, total, pairs);
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw ApiError.failure(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "timeout",
                        "counting the source pairs took longer than "
                                + config.browse().statementTimeout().toSeconds()
                                + " s and was stopped; try a shorter period",
                        null);
            }
            throw new DatabaseFailure(e);
        }
    }
}
