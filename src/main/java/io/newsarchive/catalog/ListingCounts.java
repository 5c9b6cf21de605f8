package io.newsarchive.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsarchive.system.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals and facets (sources, years, months, collections) of a listing. Without a text query they add up
 * {@code article_month_count}; with one they count the matches, up to {@code catalog.browse.count-limit} unless an
 * exact total is asked for; a query of only exclusions is the listing without them minus the matches of what it
 * excludes. Counts are kept per filter until {@code catalog_version} changes, so that paging through a listing
 * counts it once.
 */
@ApplicationScoped
class ListingCounts {

    /**
     * @param sampleSize null when the facets count every match; else they count only this many matches
     */
    record Counts(long total, boolean estimate, Listing.Facets facets, int facetSources, Integer sampleSize) {}

    private record Key(long version, CatalogFilter filter, boolean exactTotal, boolean facets, int sourceFacets) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final Cache<Key, Counts> cache;
    private final int countLimit;

    ListingCounts(CatalogConfig config) {
        this.countLimit = config.browse().countLimit();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.browse().countsCacheEntries())
                .build();
    }

    Counts counts(Connection c, ListingRequest r, FilterConditions where) throws SQLException {
        Key key = new Key(catalogVersion(c), r.filter(), r.exactTotal(), r.facets(), r.sourceFacets());
        Counts counts = cache.getIfPresent(key);
        if (counts == null) {
            counts = count(c, r, where);
            cache.put(key, counts);
        }
        return counts;
    }

    private Counts count(Connection c, ListingRequest r, FilterConditions where) throws SQLException {
        List<Object> params = new ArrayList<>();
        boolean limited = !r.exactTotal();
        Counts counted = summed(c, r, matches(r.filter(), where, limited, params), params);
        if (where.text() == null || !limited || !reachedLimit(c, where, counted)) {
            return counted;
        }
        long estimate = Math.max(countLimit, FilterConditions.plannedRows(c, where.sql(), where.params()));
        // without the exclusions' matches counted whole, their facets are no count of a sample either
        return new Counts(
                estimate,
                true,
                counted.facets(),
                counted.facetSources(),
                where.text().exclusionsOnly() ? null : countLimit);
    }

    /**
     * (source_id, month, n) of the articles a filter matches, its values added to {@code params}; a text query's
     * matches are counted up to the count limit when {@code limited}, and a query of only exclusions is the
     * articles without it minus the matches of what it excludes.
     */
    String matches(CatalogFilter f, FilterConditions where, boolean limited, List<Object> params) {
        if (where.text() == null) {
            return monthCounts(f, where, params);
        }
        if (!where.text().exclusionsOnly()) {
            return matchCounts(where, limited, params);
        }
        String all = monthCounts(f, where, params);
        return "select source_id, month, sum(n) from (\n" + all + "\nunion all\nselect source_id, month, -n from ("
                + matchCounts(where, limited, params) + ") excluded) m group by 1, 2";
    }

    /** Whether counting stopped at the limit; for exclusions, whether the excluded matches did. */
    private boolean reachedLimit(Connection c, FilterConditions where, Counts counted) throws SQLException {
        if (!where.text().exclusionsOnly()) {
            return counted.total() >= countLimit;
        }
        List<Object> params = new ArrayList<>();
        String excluded = "select count(*) from (select 1 from article a where " + where.nonText() + " and "
                + FilterConditions.WHOLE_MATCH + " limit ?) e";
        params.addAll(where.nonTextParams());
        params.add(where.textParam());
        params.add(countLimit);
        try (PreparedStatement ps = FilterConditions.prepare(c, excluded, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) >= countLimit;
        }
    }

    /** (source_id, month, n) of the matches of a text query; of what it excludes for a query of only exclusions. */
    private String matchCounts(FilterConditions where, boolean limited, List<Object> params) {
        // for a query of only exclusions, textParam() is what it excludes: counted here as matches
        params.addAll(where.nonTextParams());
        params.add(where.textParam());
        String limit = "";
        if (limited) {
            limit = " limit ?";
            params.add(countLimit);
        }
        String nonText = where.nonText().equals("true") ? "" : where.nonText() + " and ";
        return "select source_id, date_trunc('month', published)::date as month, count(*) as n from (select"
                + " a.source_id, a.published from article a where " + nonText + FilterConditions.WHOLE_MATCH + limit
                + ") m group by 1, 2";
    }

    /**
     * (source_id, month, n) of a filter without its text query: whole months in the date range come from
     * {@code article_month_count}, the days of a partly covered first or last month from the articles themselves.
     */
    static String monthCounts(CatalogFilter f, FilterConditions where, List<Object> params) {
        LocalDate wholeFrom = f.from() == null || f.from().getDayOfMonth() == 1
                ? f.from()
                : f.from().withDayOfMonth(1).plusMonths(1);
        LocalDate wholeUntil = f.to() == null ? null : f.to().plusDays(1).withDayOfMonth(1);
        boolean anyWholeMonth = wholeFrom == null || wholeUntil == null || wholeFrom.isBefore(wholeUntil);

        List<String> parts = new ArrayList<>();
        if (anyWholeMonth) {
            List<String> sql = new ArrayList<>(List.of("c.articles <> 0"));
            if (!f.allVersions()) {
                sql.add("c.latest");
            }
            if (f.statuses().only() != null) {
                sql.add("c.status = ?");
                params.add(f.statuses().only().toString());
            }
            if (where.sourceIds() != null) {
                sql.add("c.source_id = any(?)");
                params.add(where.sourceIds());
            }
            if (wholeFrom != null) {
                sql.add("c.month >= ?");
                params.add(wholeFrom);
            }
            if (wholeUntil != null) {
                sql.add("c.month < ?");
                params.add(wholeUntil);
            }
            parts.add("select c.source_id, c.month, c.articles as n from article_month_count c where "
                    + String.join(" and ", sql));
        }
        List<String> days = new ArrayList<>();
        List<Object> dayBounds = new ArrayList<>();
        if (!anyWholeMonth) {
            days.add("true");
        } else {
            if (f.from() != null && !f.from().equals(wholeFrom)) {
                days.add("a.published < ?");
                dayBounds.add(wholeFrom);
            }
            if (f.to() != null && !f.to().plusDays(1).equals(wholeUntil)) {
                days.add("a.published >= ?");
                dayBounds.add(wholeUntil);
            }
        }
        if (!days.isEmpty()) {
            parts.add(
                    "select a.source_id, date_trunc('month', a.published)::date as month, count(*) as n from article a where "
                            + where.nonText() + " and (" + String.join(" or ", days) + ") group by 1, 2");
            params.addAll(where.nonTextParams());
            params.addAll(dayBounds);
        }
        return String.join("\nunion all\n", parts);
    }

    /** The total and, when asked for, the facets of (source_id, month, n) rows. */
    private static Counts summed(Connection c, ListingRequest r, String counts, List<Object> countParams)
            throws SQLException {
        List<Object> params = new ArrayList<>(countParams);
        if (!r.facets()) {
            try (PreparedStatement ps = FilterConditions.prepare(
                            c,
                            "select coalesce(sum(n), 0) from (" + counts + ") counts (source_id, month, n)",
                            params);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), false, null, 0, null);
            }
        }
        // the collection facet lists every collection, with the matches of its sources (none or few at most)
        String sql = """
                with counts (source_id, month, n) as (
                %s
                ),
                f as (select case when grouping(source_id) = 0 then 'source'
                                  when grouping(month) = 0 then 'month' else 'total' end as kind,
                             source_id, month, sum(n) as n,
                             row_number() over (partition by grouping(source_id), grouping(month)
                                                order by sum(n) desc, source_id) as rank,
                             count(*) over (partition by grouping(source_id), grouping(month)) as values_in_facet
                      from counts
                      where n <> 0
                      group by grouping sets ((source_id), (month), ()))
                select f.kind, s.host, f.month, f.n, f.values_in_facet, null as name
                from f
                left join source s on s.id = f.source_id
                where f.kind <> 'source' or f.rank <= ?
                union all
                select 'collection', c.slug, null, coalesce(sum(f.n), 0), null, c.name
                from source_collection c
                left join source_collection_member m on m.collection_id = c.id
                left join f on f.kind = 'source' and f.source_id = m.source_id
                group by c.id""".formatted(counts);
        params.add(r.sourceFacets());
        long total = 0;
        int sources = 0;
        List<Listing.FacetValue> bySource = new ArrayList<>();
        List<Listing.CollectionValue> byCollection = new ArrayList<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> byYear = new TreeMap<>();
        try (PreparedStatement ps = FilterConditions.prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(4);
                switch (rs.getString(1)) {
                    case "total" -> total = n;
                    case "source" -> {
                        if (n != 0) {
                            bySource.add(new Listing.FacetValue(rs.getString(2), n));
                        }
                        sources = rs.getInt(5);
                    }
                    case "collection" ->
                        byCollection.add(new Listing.CollectionValue(rs.getString(2), rs.getString(6), n));
                    default -> {
                        if (n != 0) {
                            LocalDate month = rs.getObject(3, LocalDate.class);
                            byMonth.put(month.format(MONTH), n);
                            byYear.merge(Integer.toString(month.getYear()), n, Long::sum);
                        }
                    }
                }
            }
        }
        bySource.sort((a, b) -> Long.compare(b.count(), a.count()));
        byCollection.sort(Listing.CollectionValue.ORDER);
        Listing.Facets facets = new Listing.Facets(bySource, values(byYear), values(byMonth), byCollection);
        return new Counts(total, false, facets, sources, null);
    }

    private static List<Listing.FacetValue> values(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new Listing.FacetValue(e.getKey(), e.getValue()))
                .toList();
    }

    private static long catalogVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from catalog_version");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
