package io.newsarchive.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keyset pages of a listing (never OFFSET): the rows after or before a cursor in the order of (key, id).
 * Relevance is three tiers, each newest first: articles whose headline holds the query, then those whose lead
 * (headline and first three sentences) does, then the other matches. Every tier is a GIN lookup or an ordered
 * scan that stops after one page, so no query ranks every match.
 */
final class ListingPages {

    /**
     * A host as the order {@code source} compares it: by its bytes, as the search engine's keyword sort does, whatever
     * the database's collation (V18 indexes it so).
     */
    private static final String HOST = "s.host collate \"C\"";

    record Page(List<ArticleJson> items, String next, String prev, long start) {}

    /** A listed article with its sort key as the cursor writes it. */
    private record Row(ArticleJson item, String key) {}

    /**
     * Below this many estimated matches, reading every match from the text index and sorting them beats walking
     * the date index until a page is full: a rare word can be one in a thousand articles, and walking reads the
     * text vector of every article it passes (about 16 µs each; 51 matches of 718 in 1,000,000 articles took
     * 1.4 s that way and 4 ms from the index). PostgreSQL's estimate of rare words is too high to choose for itself.
     */
    private static final long FEW_MATCHES = 20_000;

    /** Called before each statement of a page, so that the caller's deadline bounds them all. */
    interface Deadline {
        void nextStatement() throws SQLException;
    }

    private ListingPages() {}

    static Page page(Connection c, ListingRequest r, FilterConditions where, Deadline deadline) throws SQLException {
        SortOrder sort = r.sort();
        Cursor cursor = r.cursor();
        boolean backward = cursor != null && cursor.backward();
        // relevance lists each tier newest first
        boolean descending = (sort != SortOrder.OLDEST) != backward;
        int wanted = r.limit() + 1;
        List<Row> rows = new ArrayList<>();
        // each tier is part of the matches, so few matches make every tier few; a passage's carriers are few
        boolean fewMatches = where.passageIds() != null
                || where.text() != null
                        && !where.text().exclusionsOnly()
                        && FilterConditions.plannedRows(c, where.sql(), where.params()) < FEW_MATCHES;
        if (sort == SortOrder.SOURCE && !fewMatches) {
            rows.addAll(bySource(c, where, cursor, descending, wanted));
        } else if (sort != SortOrder.RELEVANCE) {
            rows.addAll(rows(c, where.sql(), where.params(), fewMatches, "", sort, cursor, descending, wanted));
        } else {
            int first = where.text().exclusionsOnly() ? 3 : 1;
            int fromTier = cursor == null ? (backward ? 3 : first) : Cursor.tier(cursor.key());
            for (int tier = fromTier; tier >= first && tier <= 3 && rows.size() < wanted; tier += backward ? -1 : 1) {
                List<Object> params = new ArrayList<>();
                String conditions = tier(tier, where, params);
                deadline.nextStatement();
                rows.addAll(rows(
                        c,
                        conditions,
                        params,
                        fewMatches,
                        tier + "/",
                        sort,
                        cursor != null && tier == Cursor.tier(cursor.key()) ? cursor : null,
                        descending,
                        wanted - rows.size()));
            }
        }
        boolean more = rows.size() > r.limit();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backward) {
            Collections.reverse(rows);
        }
        long start = Cursor.start(cursor, rows.size(), more);
        String next = null;
        String prev = null;
        if (!rows.isEmpty()) {
            Row firstRow = rows.get(0);
            Row last = rows.get(rows.size() - 1);
            if (backward || more) {
                next = new Cursor(sort, last.key(), last.item().id(), false, start + rows.size() - 1).token();
            }
            if (backward ? more : cursor != null) {
                prev = new Cursor(sort, firstRow.key(), firstRow.item().id(), true, start).token();
            }
        }
        return new Page(rows.stream().map(Row::item).toList(), next, prev, start);
    }

    /**
     * The conditions of one relevance tier. Without exclusions the headline is part of the lead and the lead part
     * of the whole text, so a match of a part is a match of the whole; a query that excludes words must also
     * match the whole text (the excluded word may be further down).
     */
    private static String tier(int tier, FilterConditions where, List<Object> params) {
        TextQuery text = where.text();
        List<String> sql = new ArrayList<>(List.of(where.nonText()));
        params.addAll(where.nonTextParams());
        if (tier == 3 || text.excludes()) {
            sql.add(where.textSql());
            params.add(where.textParam());
        }
        if (tier == 1) {
            sql.add(FilterConditions.HEADLINE_MATCH);
            params.add(text.tsquery());
        } else if (tier == 2) {
            sql.add(FilterConditions.LEAD_MATCH);
            sql.add("not (" + FilterConditions.HEADLINE_MATCH + ")");
            params.add(text.tsquery());
            params.add(text.tsquery());
        } else if (!text.exclusionsOnly()) {
            sql.add("not (" + FilterConditions.LEAD_MATCH + ")");
            params.add(text.tsquery());
            if (text.excludes()) {
                sql.add("not (" + FilterConditions.HEADLINE_MATCH + ")");
                params.add(text.tsquery());
            }
        }
        return FilterConditions.and(sql.stream().filter(s -> !s.equals("true")).toList());
    }

    /**
     * Up to {@code limit} rows matching {@code conditions} in the order of {@code sort}: (published, id) for the
     * date orders and relevance's tiers, id alone for ingestion, (word_count, id) for {@code -words}, (host,
     * published, id) for {@code source} (its host the other way round), after {@code within} when given. The key is
     * written into cursors with {@code keyPrefix} before it. With {@code fewMatches}, every match is read from the
     * text indexes and sorted ({@code offset 0} keeps the order and limit out of that subquery); else PostgreSQL
     * chooses, and walks the index of the order for common words.
     */
    private static List<Row> rows(
            Connection c,
            String conditions,
            List<Object> conditionParams,
            boolean fewMatches,
            String keyPrefix,
            SortOrder sort,
            Cursor within,
            boolean descending,
            int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>(conditionParams);
        // after the conditions in the text, whether they are in a subquery or not
        String after = within == null ? "true" : after(sort, within, keyPrefix, descending, params);
        StringBuilder sql = new StringBuilder("select ").append(ArticleColumns.SELECT);
        if (fewMatches) {
            sql.append("\nfrom (select a.source_id, ")
                    .append(ArticleColumns.ARTICLE_SELECT)
                    .append(" from article a where ")
                    .append(conditions)
                    .append(" offset 0) a join source s on s.id = a.source_id\nwhere ")
                    .append(after);
        } else {
            sql.append("\nfrom article a join source s on s.id = a.source_id\nwhere ")
                    .append(conditions)
                    .append("\n  and ")
                    .append(after);
        }
        sql.append("\norder by ").append(order(sort, descending)).append("\nlimit ?");
        params.add(limit);
        return read(c, sql.toString(), params, sort, keyPrefix);
    }

    /**
     * A page in the order of {@code source} without a text query or with a common word: the sources in the order of
     * their hosts (the unique index of hosts), and of each source the first articles in date order (the index of
     * (source_id, published, id)), at most a page of each; a small sort of those per host puts them in order. No
     * step reads more than a page of a source, however many articles it has.
     */
    private static List<Row> bySource(
            Connection c, FilterConditions where, Cursor within, boolean descending, int limit) throws SQLException {
        List<Object> params = new ArrayList<>(where.params());
        String conditions = where.sql();
        if (within != null) {
            conditions += " and " + after(SortOrder.SOURCE, within, "", descending, params);
        }
        String direction = descending ? " desc" : "";
        params.add(limit);
        List<String> sources = new ArrayList<>();
        if (within != null) {
            sources.add(HOST + (descending ? " >= " : " <= ") + "?");
            params.add(within.host());
        }
        if (where.sourceIds() != null) {
            sources.add("s.id = any(?)");
            params.add(where.sourceIds());
        }
        params.add(limit);
        String sql = "select " + ArticleColumns.SELECT + "\nfrom source s cross join lateral (select "
                + ArticleColumns.ARTICLE_SELECT + " from article a where a.source_id = s.id and " + conditions
                + " order by a.published" + direction + ", a.id" + direction + " limit ?) a\nwhere "
                + FilterConditions.and(sources) + "\norder by " + order(SortOrder.SOURCE, descending) + "\nlimit ?";
        return read(c, sql, params, SortOrder.SOURCE, "");
    }

    /** The condition of the rows after the cursor's in the order of {@code sort}, its values added to params. */
    private static String after(
            SortOrder sort, Cursor within, String keyPrefix, boolean descending, List<Object> params) {
        String after = descending ? " < " : " > ";
        switch (sort) {
            case INGESTED -> {
                params.add(within.id());
                return "a.id" + after + "?";
            }
            case WORDS -> {
                params.add(within.words());
                params.add(within.id());
                return "(a.word_count, a.id)" + after + "(?, ?)";
            }
            case SOURCE -> {
                // hosts A to Z and each source's articles newest first: the host goes the other way. Rather than
                // "a later host, or this host and a later row", the row's bound is the cursor's for its host and
                // none for the next ones, so that it bounds the scan of each source's index: with the "or" the
                // rest of the cursor's source was read from its newest (188 ms instead of 0.5 ms at 1,000,000).
                // beyond every row: ids start at 1
                String noDate = descending ? "'infinity'::date" : "'-infinity'::date";
                String noId = descending ? Long.toString(Long.MAX_VALUE) : "0";
                params.add(within.host());
                params.add(within.host());
                params.add(within.published());
                params.add(within.host());
                params.add(within.id());
                return HOST + (descending ? " >= " : " <= ") + "? and (a.published, a.id)" + after
                        + "(case when s.host = ? then ?::date else " + noDate
                        + " end, case when s.host = ? then ?::bigint"
                        + " else " + noId + " end)";
            }
            default -> {
                params.add(within.key().substring(keyPrefix.length()));
                params.add(within.id());
                return "(a.published, a.id)" + after + "(?::date, ?)";
            }
        }
    }

    private static String order(SortOrder sort, boolean descending) {
        String direction = descending ? " desc" : "";
        return switch (sort) {
            case INGESTED -> "a.id" + direction;
            case WORDS -> "a.word_count" + direction + ", a.id" + direction;
            case SOURCE -> HOST + (descending ? "" : " desc") + ", a.published" + direction + ", a.id" + direction;
            default -> "a.published" + direction + ", a.id" + direction;
        };
    }

    private static List<Row> read(Connection c, String sql, List<Object> params, SortOrder sort, String keyPrefix)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = FilterConditions.prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ArticleJson item = ArticleColumns.read(rs);
                String key = switch (sort) {
                    case INGESTED -> "";
                    case WORDS -> Integer.toString(item.wordCount());
                    case SOURCE -> item.source() + "/" + item.published();
                    default -> keyPrefix + item.published();
                };
                rows.add(new Row(item, key));
            }
        }
        return rows;
    }
}
