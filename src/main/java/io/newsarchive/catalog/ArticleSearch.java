package io.newsarchive.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Listings of the catalog in plain SQL: keyset pages (never OFFSET), ranked full-text search on the RUM index,
 * snippets, totals and facets. Facets and totals without a text query add up {@code article_month_count}; with
 * one they count the matches, up to {@code catalog.browse.count-limit} unless an exact total is asked for. Totals and facets are
 * kept per filter until {@code catalog_version} changes, so that paging through a listing counts it once.
 */
@ApplicationScoped
public class ArticleSearch {

    // \u0001 and \u0002 cannot occur in stored text (the parser rejects control bytes), so they mark matches safely
    private static final String SNIPPET_OPTIONS =
            "StartSel=\u0001, StopSel=\u0002, MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=\" … \"";
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'");
    private static final String ARTICLE_COLUMNS = """
            a.id, a.headline, a.published, a.url, a.normalized_url, a.source_id, a.file_name, a.sha256, a.size_bytes,
            a.sentence_count, a.word_count, a.ingested_at, a.version, a.status, a.latest, a.ingest_run_id,
            a.metadata_revision, a.note, a.withdrawn_reason""";
    private static final String COLUMNS = """
            a.id, a.headline, a.published, a.url, a.normalized_url, s.host, s.domain, a.file_name, a.sha256,
            a.size_bytes, a.sentence_count, a.word_count, a.ingested_at, a.version, a.status, a.latest,
            a.ingest_run_id, a.metadata_revision, a.note, a.withdrawn_reason""";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Map<CountsKey, Counts> countsCache;
    private final int countLimit;

    ArticleSearch(DataSource dataSource, ObjectMapper json, CatalogConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.countLimit = config.browse().countLimit();
        int entries = config.browse().countsCacheEntries();
        this.countsCache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CountsKey, Counts> eldest) {
                return size() > entries;
            }
        });
    }

    public Listing list(ListingRequest request) {
        try (Connection c = dataSource.getConnection()) {
            // one snapshot for the page and its counts
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Conditions where = conditions(c, request.filter());
                Page page = page(c, request, where);
                Counts counts = counts(c, request, where);
                return new Listing(page.items(), page.next(), page.prev(), counts.total(), counts.estimate(),
                        request.facets() ? counts.facets() : null, request.facets() ? counts.facetSources() : null,
                        counts.sampleSize());
            } finally {
                // nothing was written; the rollback also ends the planner settings made with "set local"
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private record CountsKey(long version, CatalogFilter filter, boolean exactTotal, int sourceFacets) {
    }

    private Counts counts(Connection c, ListingRequest r, Conditions where) throws SQLException {
        CountsKey key = new CountsKey(Long.parseLong(queryOne(c, "select version from catalog_version", List.of())),
                r.filter(), r.exactTotal(), r.sourceFacets());
        Counts counts = countsCache.get(key);
        if (counts == null) {
            counts = where.tsquery() == null ? monthCounts(c, r, where) : matchCounts(c, r, where);
            countsCache.put(key, counts);
        }
        return counts;
    }

    /**
     * The WHERE clause of a filter over {@code article a} and its parameters; {@code nonText} and its parameters
     * are the same without the text query.
     */
    public record Conditions(String sql, List<Object> params, String nonText, List<Object> nonTextParams, String tsquery,
                      Long[] sourceIds) {
    }

    private record Page(List<ArticleJson> items, String next, String prev) {
    }

    private record Counts(long total, boolean estimate, Listing.Facets facets, int facetSources, Integer sampleSize) {
    }

    public Conditions conditions(Connection c, CatalogFilter f) throws SQLException {
        List<String> sql = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!f.allVersions()) {
            sql.add("a.latest");
        }
        if (!f.status().equals("all")) {
            sql.add("a.status = ?");
            params.add(f.status());
        }
        if (f.from() != null) {
            sql.add("a.published >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.add("a.published <= ?");
            params.add(f.to());
        }
        Long[] sourceIds = null;
        if (!f.sources().isEmpty()) {
            sourceIds = sourceIds(c, f.sources());
            if (sourceIds.length == 1) {
                // plain equality lets (source_id, published, id) hand out the rows already in order
                sql.add("a.source_id = ?");
                params.add(sourceIds[0]);
            } else {
                sql.add("a.source_id = any(?)");
                params.add(sourceIds);
            }
        }
        String nonText = sql.isEmpty() ? "true" : String.join(" and ", sql);
        List<Object> nonTextParams = List.copyOf(params);
        String tsquery = null;
        if (f.q() != null) {
            tsquery = textQuery(c, f.q());
            sql.add("a.search_vector @@ ?::tsquery");
            params.add(tsquery);
        }
        return new Conditions(sql.isEmpty() ? "true" : String.join(" and ", sql), params, nonText, nonTextParams,
                tsquery, sourceIds);
    }

    /** The query in PostgreSQL's web-search syntax; one with no searchable word is refused. */
    private static String textQuery(Connection c, String q) throws SQLException {
        String tsquery = queryOne(c, "select websearch_to_tsquery('english', ?)::text", List.of(q));
        if (tsquery.isEmpty()) {
            throw ApiError.badParameter("q", "q has no word to search for (only very common words or punctuation): \"" + q + "\"");
        }
        return tsquery;
    }

    private static Long[] sourceIds(Connection c, List<String> sources) throws SQLException {
        String[] names = sources.toArray(String[]::new);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from source where host = any(?) or domain = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", names));
            ps.setArray(2, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.toArray(Long[]::new);
    }

    /** A listed article with its sort key as the cursor writes it. */
    private record Row(ArticleJson item, String key) {
    }

    private Page page(Connection c, ListingRequest r, Conditions where) throws SQLException {
        SortOrder sort = r.sort();
        Cursor cursor = r.cursor();
        boolean backward = cursor != null && cursor.backward();
        boolean descending = (sort == SortOrder.NEWEST) != backward;
        int wanted = r.limit() + 1;
        List<Row> rows = new ArrayList<>();
        if (sort != SortOrder.RELEVANCE) {
            rows.addAll(rows(c, "article a", where.sql(), where.params(), "a.published", "date", "", cursor, descending, wanted));
        } else {
            // tier 1: articles whose lead (headline and first sentences) matches, ranked on the lead index; tier 2:
            // the other matches, ranked on the whole text, which costs a ranking of every match and is rarely reached
            int fromTier = cursor == null ? (backward ? 2 : 1) : Cursor.tier(cursor.key());
            rankedPlans(c, true);
            for (int tier = fromTier; tier >= 1 && tier <= 2 && rows.size() < wanted; tier += backward ? -1 : 1) {
                String vector = tier == 1 ? "a.lead_vector" : "a.search_vector";
                // the lead's vector is a prefix of the whole one, so a lead match is a whole match unless the query
                // excludes a word, which the rest of the text may hold
                boolean wholeToo = tier == 2 || where.tsquery().contains("!");
                String from = "(select " + ARTICLE_COLUMNS + ", " + vector + " <=> ?::tsquery as distance"
                        + " from article a where " + (wholeToo ? where.sql() : where.nonText()) + " and "
                        + (tier == 1 ? "" : "not ") + "(a.lead_vector @@ ?::tsquery) order by " + vector
                        + " <=> ?::tsquery offset 0) a";
                List<Object> params = new ArrayList<>();
                params.add(where.tsquery());
                params.addAll(wholeToo ? where.params() : where.nonTextParams());
                params.add(where.tsquery());
                params.add(where.tsquery());
                rows.addAll(rows(c, from, "true", params, "a.distance", "real", tier + "/",
                        cursor != null && tier == Cursor.tier(cursor.key()) ? cursor : null, descending, wanted - rows.size()));
            }
            rankedPlans(c, false);
        }
        boolean more = rows.size() > r.limit();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backward) {
            Collections.reverse(rows);
        }
        List<ArticleJson> items = rows.stream().map(Row::item).toList();
        if (where.tsquery() != null && !items.isEmpty()) {
            items = withSnippets(c, items, where.tsquery());
        }
        String next = null;
        String prev = null;
        if (!rows.isEmpty()) {
            Row first = rows.get(0);
            Row last = rows.get(rows.size() - 1);
            if (backward || more) {
                next = new Cursor(sort, last.key(), last.item().id(), false).token();
            }
            if (backward ? more : cursor != null) {
                prev = new Cursor(sort, first.key(), first.item().id(), true).token();
            }
        }
        return new Page(items, next, prev);
    }

    /**
     * Up to {@code limit} rows of {@code from} in the order of (key, id), after {@code within} when given. The key
     * is written into cursors with {@code keyPrefix} before it.
     */
    private static List<Row> rows(Connection c, String from, String conditions, List<Object> fromParams, String key,
                                  String keyType, String keyPrefix, Cursor within, boolean descending, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>(fromParams);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(", ").append(key).append("::text\nfrom ")
                .append(from).append("\njoin source s on s.id = a.source_id\nwhere ").append(conditions);
        if (within != null) {
            sql.append("\n  and (").append(key).append(", a.id) ").append(descending ? "<" : ">")
                    .append(" (?::").append(keyType).append(", ?)");
            params.add(within.key().substring(keyPrefix.length()));
            params.add(within.id());
        }
        String direction = descending ? " desc" : "";
        sql.append("\norder by ").append(key).append(direction).append(", a.id").append(direction).append("\nlimit ?");
        params.add(limit);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(article(rs), keyPrefix + rs.getString(21)));
            }
        }
        return rows;
    }

    /**
     * PostgreSQL's cost model underrates the RUM index's ordered scan and would rather rank every match from the
     * table (a bitmap scan and a sort, hundreds of times slower for common words); ranked pages turn that off.
     */
    private static void rankedPlans(Connection c, boolean on) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute(on
                    ? "set local enable_bitmapscan = off; set local enable_seqscan = off; set local work_mem = '64MB'"
                    : "reset enable_bitmapscan; reset enable_seqscan; reset work_mem");
        }
    }

    private static ArticleJson article(ResultSet rs) throws SQLException {
        return new ArticleJson(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12), rs.getTimestamp(13).toInstant(), rs.getInt(14), rs.getString(15),
                null, rs.getBoolean(16), rs.getLong(17), rs.getInt(18), rs.getString(19), rs.getString(20), null);
    }

    /**
     * Snippets by {@code ts_headline}, which parses all the text it is given. It first gets the (at most three)
     * sentences that contain a query lexeme as a substring, as lexemes are mostly word prefixes; an article where
     * that marks nothing (a lexeme that is no prefix, a match only in the headline) gets its whole body.
     */
    private static List<ArticleJson> withSnippets(Connection c, List<ArticleJson> items, String tsquery) throws SQLException {
        Long[] ids = items.stream().map(ArticleJson::id).toArray(Long[]::new);
        Map<Long, String> snippets = headlines(c, """
                coalesce((select string_agg(s, ' … ' order by n)
                          from (select s, n from unnest(a.sentences) with ordinality u(s, n)
                                where lower(s) like any(?) order by n limit 3) candidates),
                         article_body_text(a.sentences))""", lexemePatterns(tsquery), tsquery, ids);
        Long[] unmarked = snippets.entrySet().stream().filter(e -> e.getValue().indexOf('\u0001') < 0)
                .map(Map.Entry::getKey).toArray(Long[]::new);
        if (unmarked.length > 0) {
            snippets.putAll(headlines(c, "article_body_text(a.sentences)", null, tsquery, unmarked));
        }
        return items.stream().map(a -> a.withSnippet(snippetHtml(snippets.getOrDefault(a.id(), "")))).toList();
    }

    private static Map<Long, String> headlines(Connection c, String text, String[] patterns, String tsquery, Long[] ids)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        if (patterns != null) {
            params.add(patterns);
        }
        params.addAll(List.of(tsquery, SNIPPET_OPTIONS, ids));
        Map<Long, String> headlines = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(c, "select a.id, ts_headline('english', " + text
                + ", ?::tsquery, ?) from article a where a.id = any(?)", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                headlines.put(rs.getLong(1), rs.getString(2));
            }
        }
        return headlines;
    }

    /** LIKE patterns for the lexemes of a tsquery such as {@code 'russia' & !'troop'}. */
    static String[] lexemePatterns(String tsquery) {
        Matcher m = LEXEME.matcher(tsquery);
        List<String> patterns = new ArrayList<>();
        while (m.find()) {
            String lexeme = m.group(1).replace("''", "'").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            patterns.add("%" + lexeme + "%");
        }
        return patterns.toArray(String[]::new);
    }

    private static String snippetHtml(String marked) {
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            switch (ch) {
                case '\u0001' -> html.append("<mark>");
                case '\u0002' -> html.append("</mark>");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(ch);
            }
        }
        return html.toString();
    }

    /**
     * Totals and facets of a filter without a text query: whole months in the date range come from
     * {@code article_month_count}, the days of a partly covered first or last month from the articles themselves.
     */
    private Counts monthCounts(Connection c, ListingRequest r, Conditions where) throws SQLException {
        CatalogFilter f = r.filter();
        LocalDate wholeFrom = f.from() == null || f.from().getDayOfMonth() == 1 ? f.from()
                : f.from().withDayOfMonth(1).plusMonths(1);
        LocalDate wholeUntil = f.to() == null ? null : f.to().plusDays(1).withDayOfMonth(1);
        boolean anyWholeMonth = wholeFrom == null || wholeUntil == null || wholeFrom.isBefore(wholeUntil);

        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (anyWholeMonth) {
            List<String> sql = new ArrayList<>(List.of("c.articles <> 0"));
            if (!f.allVersions()) {
                sql.add("c.latest");
            }
            if (!f.status().equals("all")) {
                sql.add("c.status = ?");
                params.add(f.status());
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
            parts.add("select c.source_id, c.month, c.articles from article_month_count c where " + String.join(" and ", sql));
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
            parts.add("select a.source_id, date_trunc('month', a.published)::date, count(*) from article a where "
                    + where.sql() + " and (" + String.join(" or ", days) + ") group by 1, 2");
            params.addAll(where.params());
            params.addAll(dayBounds);
        }
        return facetCounts(c, r, String.join("\nunion all\n", parts), params);
    }

    /** Totals and facets of a text query: counted over the matches, or the first {@link #countLimit} of them. */
    private Counts matchCounts(Connection c, ListingRequest r, Conditions where) throws SQLException {
        List<Object> params = new ArrayList<>(where.params());
        String limit = "";
        if (!r.exactTotal()) {
            limit = " limit ?";
            params.add(countLimit);
        }
        String counts = "select source_id, date_trunc('month', published)::date, count(*) from (select a.source_id,"
                + " a.published from article a where " + where.sql() + limit + ") m group by 1, 2";
        Counts counted = facetCounts(c, r, counts, params);
        if (r.exactTotal() || counted.total() < countLimit) {
            return counted;
        }
        long estimate = Math.max(countLimit, plannedRows(c, where));
        return new Counts(estimate, true, counted.facets(), counted.facetSources(), countLimit);
    }

    private Counts facetCounts(Connection c, ListingRequest r, String counts, List<Object> countParams)
            throws SQLException {
        String sql = """
                with counts (source_id, month, n) as (
                %s
                )
                select f.kind, s.host, f.month, f.n, f.values_in_facet
                from (select case when grouping(source_id) = 0 then 'source'
                                  when grouping(month) = 0 then 'month' else 'total' end as kind,
                             source_id, month, sum(n) as n,
                             row_number() over (partition by grouping(source_id), grouping(month)
                                                order by sum(n) desc, source_id) as rank,
                             count(*) over (partition by grouping(source_id), grouping(month)) as values_in_facet
                      from counts
                      group by grouping sets ((source_id), (month), ())) f
                left join source s on s.id = f.source_id
                where f.kind <> 'source' or f.rank <= ?""".formatted(counts);
        List<Object> params = new ArrayList<>(countParams);
        params.add(r.sourceFacets());
        long total = 0;
        int sources = 0;
        List<Listing.FacetValue> bySource = new ArrayList<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> byYear = new TreeMap<>();
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("uuuu-MM");
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(4);
                switch (rs.getString(1)) {
                    case "total" -> total = n;
                    case "source" -> {
                        bySource.add(new Listing.FacetValue(rs.getString(2), n));
                        sources = rs.getInt(5);
                    }
                    default -> {
                        LocalDate month = rs.getObject(3, LocalDate.class);
                        byMonth.put(month.format(monthFormat), n);
                        byYear.merge(Integer.toString(month.getYear()), n, Long::sum);
                    }
                }
            }
        }
        bySource.sort((a, b) -> Long.compare(b.count(), a.count()));
        Listing.Facets facets = new Listing.Facets(bySource, values(byYear), values(byMonth));
        return new Counts(total, false, facets, sources, null);
    }

    private static List<Listing.FacetValue> values(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Listing.FacetValue(e.getKey(), e.getValue())).toList();
    }

    /** The planner's estimate of the matching rows: instant, and good enough to say "about". */
    private long plannedRows(Connection c, Conditions where) throws SQLException {
        String plan = queryOne(c, "explain (format json) select 1 from article a where " + where.sql(), where.params());
        try {
            return json.readTree(plan).get(0).get("Plan").get("Plan Rows").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unexpected EXPLAIN output: " + plan, e);
        }
    }

    private static String queryOne(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The SQL with each {@code ?} replaced by its value as a literal, for COPY, which takes no parameters. The
     * conditions use {@code ?} only as placeholders.
     */
    public static String inline(Connection c, String sql, List<Object> params) throws SQLException {
        boolean standardStrings = c.unwrap(BaseConnection.class).getStandardConformingStrings();
        StringBuilder inlined = new StringBuilder();
        int next = 0;
        for (Object p : params) {
            int mark = sql.indexOf('?', next);
            inlined.append(sql, next, mark);
            if (p instanceof Long[] ids) {
                inlined.append("'{").append(Arrays.stream(ids).map(String::valueOf).collect(Collectors.joining(",")))
                        .append("}'::bigint[]");
            } else if (p instanceof Long || p instanceof Integer) {
                inlined.append(p);
            } else if (p instanceof LocalDate date) {
                inlined.append('\'').append(date).append("'::date");
            } else if (p instanceof String text) {
                Utils.escapeLiteral(inlined.append('\''), text, standardStrings).append('\'');
            } else {
                throw new IllegalArgumentException("no literal for " + p.getClass());
            }
            next = mark + 1;
        }
        return inlined.append(sql.substring(next)).toString();
    }

    public static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long[] ids) {
                ps.setArray(i + 1, c.createArrayOf("bigint", ids));
            } else if (p instanceof String[] texts) {
                ps.setArray(i + 1, c.createArrayOf("text", texts));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
