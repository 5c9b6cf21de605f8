package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Who copies whom: the pairs of sources that carry the same passages within a period, and which of the two carried
 * each first. Only the latest active version at each address counts, and boilerplate is left out, as on an
 * article's page ({@link ArticleReuse}). The days each source carried each passage are kept as passages change
 * (migrations V22 and V23: linking and article changes recount the passages they touch), so that a period reads its
 * own days, not every carrier; the pairs are counted from them here, within the browse timeout.
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
        long deadline = System.nanoTime() + config.browse().statementTimeout().toNanos();
        List<String> hosts = new ArrayList<>();
        PeriodFirsts firsts;
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            // the hosts and the days from one snapshot
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            ArticleReuse.browse(conn, config);
            Long2IntOpenHashMap rankOfSource = new Long2IntOpenHashMap();
            try (PreparedStatement select =
                            conn.prepareStatement("select id, host from source order by host collate \"C\"");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rankOfSource.put(rs.getLong(1), hosts.size());
                    hosts.add(rs.getString(2));
                }
            }
            firsts = PeriodFirsts.read(conn, from, to, rankOfSource, deadline);
            conn.commit();
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw overTime();
            }
            throw new DatabaseFailure(e);
        } catch (OverTime e) {
            throw overTime();
        }
        try {
            PairCounts counts = new PairCounts();
            firsts.forEachPair(counts::add, deadline);
            List<Pair> pairs = counts.mostShared(firsts, limit, hosts, deadline);
            return new Pairs(from, to, limit, counts.size(), pairs);
        } catch (OverTime e) {
            throw overTime();
        }
    }

    private ApiError.Failure overTime() {
        return ApiError.failure(
                Response.Status.SERVICE_UNAVAILABLE,
                "timeout",
                "counting the source pairs took longer than "
                        + config.browse().statementTimeout().toSeconds()
                        + " s and was stopped; try a shorter period",
                null);
    }

    /** Counting ran past the browse statement timeout, which bounds the whole answer, not only its query. */
    private static final class OverTime extends RuntimeException {
        OverTime() {
            super(null, null, false, false);
        }

        static void check(long deadline) {
            if (System.nanoTime() > deadline) {
                throw new OverTime();
            }
        }
    }

    /** A pair of sources by their ranks in host order, A before B, and the days of B's first less A's. */
    @FunctionalInterface
    private interface PairVisitor {
        void visit(int a, int b, int lead);
    }

    /**
     * Each source's first day carrying each passage within a period, for the passages that two sources carry in it.
     * The pairs are counted here rather than in SQL: a passage that k sources carry makes k(k - 1)/2 pairs, some ten
     * million over a busy year, and PostgreSQL took seconds more sorting them than reading the days.
     *
     * @param starts where each passage's sources begin in {@code ranks}, and after the last, where they end
     * @param ranks  the sources, by their rank in host order
     * @param days   their first days in the period, as epoch days
     */
    private record PeriodFirsts(int[] starts, int[] ranks, int[] days) {

        static PeriodFirsts read(
                Connection conn, LocalDate from, LocalDate to, Long2IntOpenHashMap rankOfSource, long deadline)
                throws SQLException {
            String sql = """
                    select passage_id, source_id, min(day) - date '1970-01-01'
                    from passage_source_day
                    where day between coalesce(?, '-infinity'::date) and coalesce(?, 'infinity'::date)
                    group by passage_id, source_id
                    order by passage_id""";
            IntArrayList starts = new IntArrayList();
            IntArrayList sources = new IntArrayList();
            IntArrayList days = new IntArrayList();
            try (PreparedStatement select = conn.prepareStatement(sql)) {
                select.setObject(1, from, Types.DATE);
                select.setObject(2, to, Types.DATE);
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    long passage = -1;
                    int begin = 0;
                    while (rs.next()) {
                        if (rs.getLong(1) != passage) {
                            passage = rs.getLong(1);
                            begin = keep(starts, sources, days, begin);
                            OverTime.check(deadline);
                        }
                        // every source is ranked: the days have a foreign key to it, read in the same snapshot
                        sources.add(rankOfSource.get(rs.getLong(2)));
                        days.add(rs.getInt(3));
                    }
                    keep(starts, sources, days, begin);
                }
            }
            starts.add(sources.size());
            return new PeriodFirsts(starts.toIntArray(), sources.toIntArray(), days.toIntArray());
        }

        /** Keeps the passage whose sources begin at {@code begin} if it has two; returns where the next begins. */
        private static int keep(IntArrayList starts, IntArrayList sources, IntArrayList days, int begin) {
            if (sources.size() - begin >= 2) {
                starts.add(begin);
            } else {
                sources.size(begin);
                days.size(begin);
            }
            return sources.size();
        }

        void forEachPair(PairVisitor visitor, long deadline) {
            for (int p = 0; p + 1 < starts.length; p++) {
                for (int i = starts[p]; i < starts[p + 1]; i++) {
                    for (int j = i + 1; j < starts[p + 1]; j++) {
                        if (ranks[i] < ranks[j]) {
                            visitor.visit(ranks[i], ranks[j], days[j] - days[i]);
                        } else {
                            visitor.visit(ranks[j], ranks[i], days[i] - days[j]);
                        }
                    }
                }
                if ((p & 1023) == 0) {
                    OverTime.check(deadline);
                }
            }
        }
    }

    /** The passages each pair of sources shares and which had them first, by pair in the order met. */
    private static final class PairCounts {
        private final Long2IntOpenHashMap index = new Long2IntOpenHashMap();
        private final IntArrayList a = new IntArrayList();
        private final IntArrayList b = new IntArrayList();
        private final IntArrayList shared = new IntArrayList();
        private final IntArrayList aFirst = new IntArrayList();
        private final IntArrayList bFirst = new IntArrayList();

        PairCounts() {
            index.defaultReturnValue(-1);
        }

        private static long key(int a, int b) {
            return (long) a << 32 | b;
        }

        int size() {
            return shared.size();
        }

        void add(int a, int b, int lead) {
            int pair = index.putIfAbsent(key(a, b), shared.size());
            if (pair == -1) {
                pair = shared.size();
                this.a.add(a);
                this.b.add(b);
                shared.add(0);
                aFirst.add(0);
                bFirst.add(0);
            }
            shared.set(pair, shared.getInt(pair) + 1);
            if (lead > 0) {
                aFirst.set(pair, aFirst.getInt(pair) + 1);
            } else if (lead < 0) {
                bFirst.set(pair, bFirst.getInt(pair) + 1);
            }
        }

        /** The {@code limit} pairs that share the most passages, then by hosts, with their median leads. */
        List<Pair> mostShared(PeriodFirsts firsts, int limit, List<String> hosts, long deadline) {
            int[] order = IntStream.range(0, size()).toArray();
            IntArrays.quickSort(
                    order,
                    (p, q) -> shared.getInt(p) != shared.getInt(q)
                            ? Integer.compare(shared.getInt(q), shared.getInt(p))
                            : a.getInt(p) != a.getInt(q)
                                    ? Integer.compare(a.getInt(p), a.getInt(q))
                                    : Integer.compare(b.getInt(p), b.getInt(q)));
            int[] listed = Arrays.copyOf(order, Math.min(limit, order.length));
            // each listed pair's leads, to take their median from
            Long2IntOpenHashMap place = new Long2IntOpenHashMap();
            place.defaultReturnValue(-1);
            int[][] leads = new int[listed.length][];
            int[] filled = new int[listed.length];
            for (int i = 0; i < listed.length; i++) {
                place.put(key(a.getInt(listed[i]), b.getInt(listed[i])), i);
                leads[i] = new int[shared.getInt(listed[i])];
            }
            firsts.forEachPair(
                    (pairA, pairB, lead) -> {
                        int i = place.get(key(pairA, pairB));
                        if (i >= 0) {
                            leads[i][filled[i]++] = lead;
                        }
                    },
                    deadline);
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < listed.length; i++) {
                int pair = listed[i];
                Arrays.sort(leads[i]);
                int n = leads[i].length;
                pairs.add(new Pair(
                        hosts.get(a.getInt(pair)),
                        hosts.get(b.getInt(pair)),
                        n,
                        aFirst.getInt(pair),
                        bFirst.getInt(pair),
                        n - aFirst.getInt(pair) - bFirst.getInt(pair),
                        leads[i][(n - 1) / 2] / 2.0 + leads[i][n / 2] / 2.0));
            }
            return pairs;
        }
    }
}
