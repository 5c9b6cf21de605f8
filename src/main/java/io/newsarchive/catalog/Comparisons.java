package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Counts the queries of a comparison per period, exactly, on PostgreSQL whatever the search engine: each query read
 * as a listing is ({@link PostgresSearch#read}), within the statement timeout and in its turn, so that a query too
 * costly to count is the same 503 as a search too slow; then all the catalog's latest active articles of the same
 * periods. Months and years add up {@code article_month_count} where a filter has no words, as a listing's totals
 * do; days and weeks count the articles themselves.
 */
@ApplicationScoped
public class Comparisons {

    /** The periods a chart has at most: a line of more would be too dense to read, and its table too long. */
    static final int MAX_PERIODS = 1000;

    /** Spans of dates up to these many days are counted per day, per week, or else per month. */
    private static final int DAYS_BY_DAY = 62;

    private static final int DAYS_BY_WEEK = 548;

    private final PostgresSearch search;
    private final ListingCounts counts;

    Comparisons(PostgresSearch search, ListingCounts counts) {
        this.search = search;
        this.counts = counts;
    }

    public Comparison compare(ComparedQueries compared) {
        Interval interval = compared.interval() != null ? compared.interval() : interval(compared.queries());
        List<TreeMap<LocalDate, Long>> matches = new ArrayList<>();
        TreeMap<LocalDate, Boolean> bounds = new TreeMap<>();
        for (ComparedQueries.Query query : compared.queries()) {
            CatalogFilter f = query.filter();
            TreeMap<LocalDate, Long> counted = ComparedQueries.inRow(query.number(), () -> count(f, interval));
            matches.add(counted);
            counted.keySet().forEach(p -> bounds.put(p, true));
            if (f.from() != null) {
                bounds.put(interval.start(f.from()), true);
            }
            if (f.to() != null) {
                bounds.put(interval.start(f.to()), true);
            }
        }
        List<LocalDate> starts = new ArrayList<>();
        if (!bounds.isEmpty()) {
            for (LocalDate p = bounds.firstKey(); !p.isAfter(bounds.lastKey()); p = interval.next(p)) {
                if (starts.size() == MAX_PERIODS) {
                    throw ApiError.badParameter(
                            "interval",
                            "per " + interval + " from " + bounds.firstKey() + " to " + bounds.lastKey()
                                    + " is more than " + MAX_PERIODS
                                    + " periods: choose a longer interval, or narrow the queries' dates");
                }
                starts.add(p);
            }
        }
        TreeMap<LocalDate, Long> all = starts.isEmpty()
                ? new TreeMap<>()
                : count(
                        new CatalogFilter(
                                null,
                                null,
                                starts.get(0),
                                interval.next(starts.get(starts.size() - 1)).minusDays(1),
                                List.of(),
                                List.of(),
                                StatusFilter.ACTIVE,
                                false),
                        interval);
        List<Comparison.Period> periods = new ArrayList<>();
        for (LocalDate start : starts) {
            long articles = all.getOrDefault(start, 0L);
            List<Long> matched =
                    matches.stream().map(m -> m.getOrDefault(start, 0L)).toList();
            List<Double> shares = matched.stream()
                    .map(n -> articles == 0 ? 0 : (double) n / articles)
                    .toList();
            periods.add(new Comparison.Period(interval.label(start), start, articles, matched, shares));
        }
        List<Comparison.Query> queries = compared.queries().stream()
                .map(q -> new Comparison.Query(
                        q.number(),
                        q.name(),
                        q.filter().describe(),
                        q.filter().href("/").toString()))
                .toList();
        return new Comparison(interval.toString(), compared.measure().toString(), queries, periods);
    }

    /** Per day or week over a short span of dates that every query has; else per month. */
    static Interval interval(List<ComparedQueries.Query> queries) {
        if (queries.isEmpty()
                || queries.stream()
                        .anyMatch(q -> q.filter().from() == null || q.filter().to() == null)) {
            return Interval.MONTH;
        }
        LocalDate first = queries.stream()
                .map(q -> q.filter().from())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = queries.stream()
                .map(q -> q.filter().to())
                .max(LocalDate::compareTo)
                .orElseThrow();
        long days = first.until(last, ChronoUnit.DAYS) + 1;
        return days <= DAYS_BY_DAY ? Interval.DAY : days <= DAYS_BY_WEEK ? Interval.WEEK : Interval.MONTH;
    }

    /** The articles a filter matches per period, by the first day of the period; periods without any left out. */
    private TreeMap<LocalDate, Long> count(CatalogFilter filter, Interval interval) {
        return search.read(filter, (c, where, deadline) -> {
            List<Object> params = new ArrayList<>();
            String sql;
            if (interval == Interval.DAY || interval == Interval.WEEK) {
                params.addAll(where.params());
                // the interval is one of the enum's words, written in
                sql = "select date_trunc('" + interval + "', a.published)::date, count(*) from article a where "
                        + where.sql() + " group by 1";
            } else {
                sql = "select month, sum(n) from (\n" + counts.matches(filter, where, false, params)
                        + "\n) m (source_id, month, status, latest, n) group by 1";
            }
            TreeMap<LocalDate, Long> periods = new TreeMap<>();
            try (PreparedStatement ps = FilterConditions.prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) != 0) {
                        periods.merge(interval.start(rs.getObject(1, LocalDate.class)), rs.getLong(2), Long::sum);
                    }
                }
            }
            return periods;
        });
    }
}
