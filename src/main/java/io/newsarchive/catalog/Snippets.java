package io.newsarchive.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text around the matches of a listed article, by {@code ts_headline}, which parses all the text it is given. It
 * first gets the (at most three) sentences that contain a query lexeme as a substring, as lexemes are mostly word
 * prefixes. An article where that marks nothing gets its whole body when the body matches the query (a lexeme that
 * is no prefix of its word, as {@code happili} of "happily"), and else its first sentences: the match was in the
 * headline, and parsing a body that holds none would only cost time (20 ms for a page of 50).
 */
final class Snippets {

    private static final String MARKS = "StartSel=\u0001, StopSel=\u0002, ";
    private static final String OPTIONS = MARKS + "MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=\" … \"";
    /** Headlines are short: every match in them is marked, and nothing is cut. */
    private static final String WHOLE = MARKS + "HighlightAll=true";
    /** Where a fragment ends a sentence; one that ends elsewhere was cut. */
    private static final String SENTENCE_ENDS = ".!?\"'”’)";

    private Snippets() {}

    static List<ArticleJson> add(Connection c, List<ArticleJson> items, TextQuery text) throws SQLException {
        if (items.isEmpty() || text.exclusionsOnly()) {
            // a query of only exclusions has nothing to mark
            return items;
        }
        Long[] ids = items.stream().map(ArticleJson::id).toArray(Long[]::new);
        Map<Long, String> markedHeadlines = headlines(c, "a.headline", new Object[0], text.tsquery(), WHOLE, ids);
        Map<Long, String> snippets = headlines(c, """
                coalesce((select string_agg(s, ' … ' order by n)
                          from (select s, n from unnest(a.sentences) with ordinality u(s, n)
                                where lower(s) like any(?) order by n limit 3) candidates),
                         array_to_string(a.sentences[1:2], ' '))""", new Object[] {likePatterns(text)}, text.tsquery(), OPTIONS, ids);
        Long[] unmarked = snippets.entrySet().stream()
                .filter(e -> e.getValue().indexOf('\u0001') < 0)
                .map(Map.Entry::getKey)
                .toArray(Long[]::new);
        if (unmarked.length > 0) {
            snippets.putAll(headlines(
                    c,
                    "case when ts_filter(a.search_vector, '{b}') @@ ?::tsquery"
                            + " then article_body_text(a.sentences) else array_to_string(a.sentences[1:2], ' ') end",
                    new Object[] {text.tsquery()},
                    text.tsquery(),
                    OPTIONS,
                    unmarked));
        }
        return items.stream()
                .map(a -> a.withMatches(
                        html(cutsSaidSo(snippets.getOrDefault(a.id(), ""))),
                        html(markedHeadlines.getOrDefault(a.id(), a.headline()))))
                .toList();
    }

    private static Map<Long, String> headlines(
            Connection c, String text, Object[] textParams, String tsquery, String options, Long[] ids)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(textParams));
        params.addAll(List.of(tsquery, options, ids));
        Map<Long, String> headlines = new LinkedHashMap<>();
        try (PreparedStatement ps = FilterConditions.prepare(
                        c,
                        "select a.id, ts_headline('english', " + text
                                + ", ?::tsquery, ?) from article a where a.id = any(?)",
                        params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                headlines.put(rs.getLong(1), rs.getString(2));
            }
        }
        return headlines;
    }

    /**
     * The snippet with "…" before a fragment that starts inside a sentence (with a small letter) and after one that
     * stops inside one, so that a reader sees where the text goes on.
     */
    static String cutsSaidSo(String marked) {
        String plain = marked.replace("\u0001", "").replace("\u0002", "").strip();
        if (plain.isEmpty()) {
            return marked;
        }
        String start = Character.isLowerCase(plain.charAt(0)) ? "… " : "";
        String end = SENTENCE_ENDS.indexOf(plain.charAt(plain.length() - 1)) < 0 ? " …" : "";
        return start + marked.strip() + end;
    }

    /** LIKE patterns for the lexemes of the query. */
    static String[] likePatterns(TextQuery text) {
        return text.lexemes().stream()
                .map(l -> "%" + l.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }

    /**
     * Text whose matches are wrapped in \u0001 and \u0002 (control bytes, which stored text cannot hold) as
     * HTML-escaped text with {@code <mark>}.
     */
    private static String html(String marked) {
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
}
