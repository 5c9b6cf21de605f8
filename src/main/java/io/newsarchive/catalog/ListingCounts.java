package io.newsarchive.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.system.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals and facets (sources, years, months, collections) of a listing. Without a text query they add up
 * {@code article_month_count}; with one they count the matches, up to {@code catalog.browse.count-limit} unless an
 * exact total is asked for; a query of only exclusions is the listing without them minus the matches of what it
 * excludes. Counts are kept per filter until {@code catalog_version} changes, so that paging through a listing
 * counts it once. A passage's carriers, which {@code article_month_count} cannot tell apart, are few: counted one by
 * one, each time.
 */
@ApplicationScoped
class ListingCounts {

    /** Whether a row is a listed version: counted as latest ({@link FilterConditions#LISTED_VERSION}). */
    private static final String LATEST = "(" + FilterConditions.LISTED_VERSION + ")";

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
        if (where.passageIds() != null) {
            // linking finds new carriers without a new catalog_version; they are few to count again
            return count(c, r, where);
        }
        Key key = new Key(catalogVersion(c), r.filter(), r.exactTotal(), r.facets(), r.sourceFacets());
        Counts counts = cache.getIfPresent(key);
        if (counts == null) {
            counts = count(c, r, where);
            cache.put(key, counts);
        }
        return counts;
    }

    /**
     * The facets of status and version count what the filter would list with another status or version, so the
     * rows are counted once under the filter widened to every status and version, with the status and version as
     * two more dimensions: the total and the other facets add up the rows the filter itself lists. One count, not
     * three: for a text query the rows of other statuses and versions (few: withdrawn articles and earlier
     * versions) are counted with the matches, and the count limit bounds them all together. Without facets only
     * the filter's own rows are counted.
     */
    private Counts count(Connection c, ListingRequest r, FilterConditions where) throws SQLException {
        List<Object> params = new ArrayList<>();
        // a passage's carriers are counted whole: at most PassageLookup.MAX_ARTICLES
        boolean limited = !r.exactTotal() && where.passageIds() == null;
        CatalogFilter counted = r.facets() ? r.filter().widened() : r.filter();
        FilterConditions counting = r.facets() ? where.widened() : where;
        Summed summed = summed(c, r, matches(counted, counting, limited, params), params);
        if (where.text() == null || !limited || !reachedLimit(c, counting, summed.counted())) {
            return summed.counts();
        }
        Counts sample = summed.counts();
        // the filter's own matches in the sample are fewer than the limit when other statuses and versions are in it
        long estimate = Math.max(
                where.text().exclusionsOnly() ? countLimit : sample.total(),
                FilterConditions.plannedRows(c, where.sql(), where.params()));
        // without the exclusions' matches counted whole, their facets are no count of a sample either
        return new Counts(
                estimate,
                true,
                sample.facets(),
                sample.facetSources(),
                where.text().exclusionsOnly() ? null : countLimit);
    }

    /**
     * (source_id, month, status, latest, n) of the articles a filter matches, its values added to {@code params}; a
     * text query's matches are counted up to the count limit when {@code limited}, and a query of only exclusions is
     * the articles without it minus the matches of what it excludes; a passage's carriers are counted one by one.
     */
    String matches(CatalogFilter f, FilterConditions where, boolean limited, List<Object> params) {
        if (where.passageIds() != null) {
            return rowCounts(where, params);
        }
        if (where.text() == null) {
            return monthCounts(f, where, params);
        }
        if (!where.text().exclusionsOnly()) {
            return matchCounts(where, limited, params);
        }
        String all = monthCounts(f, where, params);
        return "select source_id, month, status, latest, sum(n) from (\n" + all
                + "\nunion all\nselect source_id, month, status, latest, -n from ("
                + matchCounts(where, limited, params)
                + ") excluded) m group by 1, 2, 3, 4";
    }

    /** (source_id, month, status, latest, n) of every article of the filter, each row counted. */
    private static String rowCounts(FilterConditions where, List<Object> params) {
        params.addAll(where.params());
        return "select a.source_id, date_trunc('month', a.published)::date as month, a.status, " + LATEST
                + ", count(*) as n from article a where " + where.sql() + " group by 1, 2, 3, 4";
    }

    /** Whether counting stopped at the limit; for exclusions, whether the excluded matches did. */
    private boolean reachedLimit(Connection c, FilterConditions where, long counted) throws SQLException {
        if (!where.text().exclusionsOnly()) {
            return counted >= countLimit;
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

    /**
     * (source_id, month, status, latest, n) of the matches of a text query; of what it excludes for a query of only
     * exclusions.
     */
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
        return "select source_id, date_trunc('month', published)::date as month, status, latest, count(*) as n from"
                + " (select a.source_id, a.published, a.status, " + LATEST + " as latest from article a where "
                + nonText
                + FilterConditions.WHOLE_MATCH + limit + ") m group by 1, 2, 3, 4";
    }

    /**
     * (source_id, month, status, latest, n) of a filter without its text query: whole months in the date range come
     * from {@code article_month_count}, the days of a partly covered first or last month from the articles
     * themselves.
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
            sql.addAll(wholeMonths(f, where, "c", "c.latest", "c.month", wholeFrom, wholeUntil, params));
            parts.add(
                    "select c.source_id, c.month, c.status, c.latest, c.articles as n from article_month_count c where "
                            + String.join(" and ", sql));
            parts.add(sameArticleCopies(f, where, wholeFrom, wholeUntil, params));
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
            parts.add("select a.source_id, date_trunc('month', a.published)::date as month, a.status, " + LATEST + ","
                    + " count(*) as n from article a where " + where.nonText() + " and (" + String.join(" or ", days)
                    + ") group by 1, 2, 3, 4");
            params.addAll(where.nonTextParams());
            params.addAll(dayBounds);
        }
        return String.join("\nunion all\n", parts);
    }

    /**
     * The same-article copies in whole months, which {@code article_month_count} counts as latest versions: taken
     * off the latest and added to the earlier versions, as listings count them ({@link FilterConditions#LISTED_VERSION}).
     */
    private static String sameArticleCopies(
            CatalogFilter f, FilterConditions where, LocalDate wholeFrom, LocalDate wholeUntil, List<Object> params) {
        List<String> sql = new ArrayList<>(List.of(
                "a.id in (" + NearCopies.SAME_ARTICLE_COPIES + ")", "a.latest", "not " + NearCopies.listed("a.id")));
        sql.addAll(wholeMonths(f, where, "a", "v.latest", "a.published", wholeFrom, wholeUntil, params));
        return "select a.source_id, date_trunc('month', a.published)::date, a.status, v.latest, v.n"
                + " from article a cross join (values (true, -1), (false, 1)) v (latest, n) where "
                + String.join(" and ", sql);
    }

    /**
     * The filter's conditions on the rows of whole months, its values added to {@code params}.
     *
     * @param row    the alias of the rows, whose {@code status} and {@code source_id} are the articles'
     * @param latest the condition that a row counts the latest version, for a filter of the latest versions
     * @param day    the row's day or month, within the whole months {@code [wholeFrom, wholeUntil)}
     */
    private static List<String> wholeMonths(
            CatalogFilter f,
            FilterConditions where,
            String row,
            String latest,
            String day,
            LocalDate wholeFrom,
            LocalDate wholeUntil,
            List<Object> params) {
        List<String> sql = new ArrayList<>();
        if (!f.allVersions()) {
            sql.add(latest);
        }
        if (f.statuses().only() != null) {
            sql.add(row + ".status = ?");
            params.add(f.statuses().only().toString());
        }
        if (where.sourceIds() != null) {
            sql.add(row + ".source_id = any(?)");
            params.add(where.sourceIds());
        }
        if (wholeFrom != null) {
            sql.add(day + " >= ?");
            params.add(wholeFrom);
        }
        if (wholeUntil != null) {
            sql.add(day + " < ?");
            params.add(wholeUntil);
        }
        return sql;
    }

    /** Counts of rows, and how many rows were counted in all (the listed ones and those of other visibilities). */
    private record Summed(Counts counts, long counted) {}

    /**
     * The total and, when asked for, the facets of (source_id, month, status, latest, n) rows. The rows the filter
     * lists give the total and the facets of sources, domains, months and collections; the status facet adds up the
     * rows of the filter's versions by status, the version facet those of its statuses.
     */
    private static Summed summed(Connection c, ListingRequest r, String counts, List<Object> countParams)
            throws SQLException {
        CatalogFilter filter = r.filter();
        // both closed word sets, written in as literals
        String statusPart = filter.statuses().only() == null
                ? "true"
                : "status = '" + filter.statuses().only() + "'";
        String versionPart = filter.allVersions() ? "true" : "latest";
        String listed = statusPart + " and " + versionPart;
        List<Object> params = new ArrayList<>(countParams);
        if (!r.facets()) {
            try (PreparedStatement ps = FilterConditions.prepare(
                            c,
                            "select coalesce(sum(n) filter (where " + listed + "), 0), coalesce(sum(n), 0) from ("
                                    + counts + ") counts (source_id, month, status, latest, n)",
                            params);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Summed(new Counts(rs.getLong(1), false, null, 0, null), rs.getLong(2));
            }
        }
        // the collection facet lists every collection, with the matches of its sources (none or few at most)
        String sql = """
                with counts (source_id, month, status, latest, n) as (
                %s
                ),
                f as (select case when grouping(source_id) = 0 then 'source'
                                  when grouping(month) = 0 then 'month' else 'total' end as kind,
                             source_id, month, sum(n) as n,
                             row_number() over (partition by grouping(source_id), grouping(month)
                                                order by sum(n) desc, source_id) as rank,
                             count(*) over (partition by grouping(source_id), grouping(month)) as values_in_facet
                      from counts
                      where n <> 0 and %s
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
                group by c.id
                union all
                select 'domain', domain, null, n, null, null
                from (select s.domain, sum(f.n) as n, row_number() over (order by sum(f.n) desc, s.domain) as rank
                      from f join source s on s.id = f.source_id
                      where f.kind = 'source'
                      group by s.domain) d
                where rank <= ?
                union all
                select 'status', status, null, sum(n), null, null from counts where %s group by status
                union all
                select 'version', null, null, coalesce(sum(n) filter (where latest), 0), coalesce(sum(n), 0), null
                from counts where %s
                union all
                select 'counted', null, null, coalesce(sum(n), 0), null, null from counts""".formatted(counts, listed, versionPart, statusPart);
        params.add(r.sourceFacets());
        params.add(r.sourceFacets());
        long total = 0;
        long counted = 0;
        int sources = 0;
        List<Listing.FacetValue> bySource = new ArrayList<>();
        List<Listing.FacetValue> byDomain = new ArrayList<>();
        List<Listing.CollectionValue> byCollection = new ArrayList<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> byYear = new TreeMap<>();
        Map<StatusFilter, Long> byStatus = new EnumMap<>(StatusFilter.class);
        long latestVersions = 0;
        long everyVersion = 0;
        try (PreparedStatement ps = FilterConditions.prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(4);
                switch (rs.getString(1)) {
                    case "total" -> total = n;
                    case "counted" -> counted = n;
                    case "source" -> {
                        if (n != 0) {
                            bySource.add(new Listing.FacetValue(rs.getString(2), n));
                        }
                        sources = rs.getInt(5);
                    }
                    case "domain" -> byDomain.add(new Listing.FacetValue(rs.getString(2), n));
                    case "collection" ->
                        byCollection.add(new Listing.CollectionValue(rs.getString(2), rs.getString(6), n));
                    case "status" -> byStatus.merge(StatusFilter.of(rs.getString(2)), n, Long::sum);
                    case "version" -> {
                        latestVersions = n;
                        everyVersion = rs.getLong(5);
                    }
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
        // every status's count, and all of them: the count of status=all
        List<Listing.FacetValue> statuses = new ArrayList<>();
        long everyStatus = 0;
        for (StatusFilter status : List.of(StatusFilter.ACTIVE, StatusFilter.WITHDRAWN)) {
            long n = byStatus.getOrDefault(status, 0L);
            statuses.add(new Listing.FacetValue(status.toString(), n));
            everyStatus += n;
        }
        statuses.add(new Listing.FacetValue(StatusFilter.ALL.toString(), everyStatus));
        List<Listing.FacetValue> versions = List.of(
                new Listing.FacetValue(VersionFilter.LATEST.toString(), latestVersions),
                new Listing.FacetValue(VersionFilter.ALL.toString(), everyVersion));
        Listing.Facets facets = new Listing.Facets(
                bySource, byDomain, values(byYear), values(byMonth), byCollection, statuses, versions);
        return new Summed(new Counts(total, false, facets, sources, null), counted);
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
