package io.newsarchive.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.reuse.PassageLookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A filter as the WHERE clause over {@code article a} of listings, counts and exports, with its values as
 * parameters ({@code ?}).
 *
 * @param nonText      the conditions but the text query (a passage's among them)
 * @param text         the checked text query, or null
 * @param sourceIds    the ids of the filter's sources (of its collections too), or null for all sources
 * @param wideNonText  {@code nonText} without the conditions on status and version, for the facets that count the
 *                     other statuses and versions ({@link #widened()})
 * @param passageIds   the articles that carry the filter's passage ({@link PassageLookup}), or null for no passage
 */
record FilterConditions(
        String nonText,
        List<Object> nonTextParams,
        TextQuery text,
        Long[] sourceIds,
        String wideNonText,
        List<Object> wideNonTextParams,
        Long[] passageIds) {

    private static final ObjectMapper PLAN = new ObjectMapper();

    /** Whether the whole text matches the query; GIN answers it from the index, exclusions-only by a filter. */
    static final String WHOLE_MATCH = "a.search_vector @@ ?::tsquery";

    /**
     * Whether the article is a version that listings show: the latest at its address, unless it is the later
     * article of a pair an archivist decided to be the same article. As counts take it, such a copy is an earlier
     * version, listed with {@code all_versions=true}.
     */
    static final String LISTED_VERSION = "a.latest and " + NearCopies.listed("a.id");

    static final String LEAD_MATCH = "a.lead_vector @@ ?::tsquery";
    /** The expression of {@code article_headline_idx}, written exactly so, which lets the index serve it. */
    static final String HEADLINE_MATCH = "to_tsvector('english'::regconfig, a.headline) @@ ?::tsquery";

    static FilterConditions of(Connection c, CatalogFilter f, int maxQueryTerms) throws SQLException {
        List<String> visibility = new ArrayList<>();
        List<Object> visibilityParams = new ArrayList<>();
        if (!f.allVersions()) {
            visibility.add(LISTED_VERSION);
        }
        if (f.statuses().only() != null) {
            visibility.add("a.status = ?");
            visibilityParams.add(f.statuses().only().toString());
        }
        List<String> sql = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.from() != null) {
            sql.add("a.published >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.add("a.published <= ?");
            params.add(f.to());
        }
        Long[] sourceIds = f.sources().isEmpty() ? null : sourceIds(c, f.sources());
        if (!f.collections().isEmpty()) {
            // articles of the sources named that are in the collections too
            Long[] members = SourceCollections.members(c, f.collections()).sourceIds();
            sourceIds = sourceIds == null ? members : both(sourceIds, members);
        }
        if (sourceIds != null) {
            if (sourceIds.length == 1) {
                // plain equality lets (source_id, published, id) hand out the rows already in order
                sql.add("a.source_id = ?");
                params.add(sourceIds[0]);
            } else {
                sql.add("a.source_id = any(?)");
                params.add(sourceIds);
            }
        }
        Long[] passageIds = null;
        if (f.passage() != null) {
            passageIds = PassageLookup.carriers(c, f.passage()).toArray(Long[]::new);
            sql.add("a.id = any(?)");
            params.add(passageIds);
        }
        List<String> all = new ArrayList<>(visibility);
        all.addAll(sql);
        List<Object> allParams = new ArrayList<>(visibilityParams);
        allParams.addAll(params);
        TextQuery text = f.q() == null ? null : TextQuery.parse(c, f.q(), maxQueryTerms);
        return new FilterConditions(
                and(all), List.copyOf(allParams), text, sourceIds, and(sql), List.copyOf(params), passageIds);
    }

    /** The conditions with those on status and version set aside: every status and version of what they match. */
    FilterConditions widened() {
        return new FilterConditions(
                wideNonText, wideNonTextParams, text, sourceIds, wideNonText, wideNonTextParams, passageIds);
    }

    /**
     * The condition of the text query alone (its value is {@link #textParam()}). The index cannot list what lacks
     * words, so a query of only exclusions is a filter on the catalog's order, which skips the few that have them.
     */
    String textSql() {
        return text.exclusionsOnly() ? "not (" + WHOLE_MATCH + ")" : WHOLE_MATCH;
    }

    String textParam() {
        return text.exclusionsOnly() ? text.excluded() : text.tsquery();
    }

    /** Every condition of the filter. */
    String sql() {
        return text == null ? nonText : nonText.equals("true") ? textSql() : nonText + " and " + textSql();
    }

    List<Object> params() {
        if (text == null) {
            return nonTextParams;
        }
        List<Object> params = new ArrayList<>(nonTextParams);
        params.add(textParam());
        return params;
    }

    static String and(List<String> conditions) {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    private static Long[] both(Long[] some, Long[] others) {
        Set<Long> wanted = Set.of(others);
        return Arrays.stream(some).filter(wanted::contains).toArray(Long[]::new);
    }

    private static Long[] sourceIds(Connection c, List<String> sources) throws SQLException {
        String[] names = sources.toArray(String[]::new);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select id from source where host = any(?) or domain = any(?)")) {
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

    /**
     * The conditions with each value written in as a literal, for COPY, which takes no parameters. PostgreSQL
     * itself quotes the texts ({@code quote_literal}), so no escaping rule is copied here.
     */
    String inlined(Connection c) throws SQLException {
        String sql = sql();
        StringBuilder inlined = new StringBuilder();
        int next = 0;
        for (Object p : params()) {
            int mark = sql.indexOf('?', next);
            inlined.append(sql, next, mark);
            if (p instanceof Long[] ids) {
                inlined.append("'{")
                        .append(Arrays.stream(ids).map(String::valueOf).collect(Collectors.joining(",")))
                        .append("}'::bigint[]");
            } else if (p instanceof Long || p instanceof Integer) {
                inlined.append(p);
            } else if (p instanceof LocalDate date) {
                inlined.append('\'').append(date).append("'::date");
            } else if (p instanceof String text) {
                inlined.append(quoted(c, text));
            } else {
                throw new IllegalArgumentException("no literal for " + p.getClass());
            }
            next = mark + 1;
        }
        return inlined.append(sql.substring(next)).toString();
    }

    private static String quoted(Connection c, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select quote_literal(?::text)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The planner's estimate of the articles matching {@code conditions}: instant, and good enough to plan by. */
    static long plannedRows(Connection c, String conditions, List<Object> params) throws SQLException {
        try (PreparedStatement ps =
                        prepare(c, "explain (format json) select 1 from article a where " + conditions, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return PLAN.readTree(rs.getString(1))
                    .get(0)
                    .get("Plan")
                    .get("Plan Rows")
                    .asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected EXPLAIN output", e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
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
