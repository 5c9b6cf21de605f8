package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text query as PostgreSQL reads web-search syntax ({@code websearch_to_tsquery}), checked before anything is
 * searched: a query must name a word the index can look up, or consist only of exclusions.
 *
 * @param tsquery  the query as tsquery text, such as {@code 'russia' & !'troop'}
 * @param excluded for a query made only of exclusions ({@code -word -"a phrase"}), what it excludes as a query the
 *                 index can answer ({@code 'word' | 'a' <-> 'phrase'}); else null
 */
record TextQuery(String tsquery, String excluded) {

    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'");

    static TextQuery parse(Connection c, String q, int maxTerms) throws SQLException {
        String tsquery;
        String indexable;
        try (PreparedStatement ps =
                c.prepareStatement("select t::text, querytree(t) from websearch_to_tsquery('english', ?) t")) {
            ps.setString(1, q);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                tsquery = rs.getString(1);
                indexable = rs.getString(2);
            }
        }
        if (tsquery.isEmpty()) {
            throw ApiError.badParameter(
                    "q", "q has no word to search for (only very common words or punctuation): \"" + q + "\"");
        }
        int terms = lexemes(tsquery).size();
        if (terms > maxTerms) {
            throw ApiError.badParameter(
                    "q", "q has " + terms + " words to search for; at most " + maxTerms + " are taken at once");
        }
        if (!indexable.equals("T")) {
            return new TextQuery(tsquery, null);
        }
        // nothing the index can look up: only "-word -word" is taken, as the catalog without those words
        List<String> excluded = new ArrayList<>();
        List<String> parts = topLevelConjuncts(tsquery);
        for (String part : parts == null ? List.of("") : parts) {
            if (!part.startsWith("!")) {
                throw ApiError.badParameter(
                        "q",
                        "q needs a word that articles must contain: \"" + q + "\" can match"
                                + " articles without any of its words; either add such a word or exclude words only"
                                + " (-word -\"a phrase\")");
            }
            excluded.add("(" + part.substring(1).strip() + ")");
        }
        return new TextQuery(tsquery, String.join(" | ", excluded));
    }

    boolean exclusionsOnly() {
        return excluded != null;
    }

    /** Whether the query excludes something, so that a match in part of the text need not be a match of the whole. */
    boolean excludes() {
        return tsquery.contains("!");
    }

    /** The words of the query as the index holds them (stemmed), in order. */
    List<String> lexemes() {
        return lexemes(tsquery);
    }

    private static List<String> lexemes(String tsquery) {
        Matcher m = LEXEME.matcher(tsquery);
        List<String> lexemes = new ArrayList<>();
        while (m.find()) {
            lexemes.add(m.group(1).replace("''", "'"));
        }
        return lexemes;
    }

    /**
     * The parts of a tsquery's text joined by {@code &} outside quotes and parentheses, or null when an {@code |}
     * joins parts there ({@code !'a' | 'b'} is no conjunction of exclusions).
     */
    private static List<String> topLevelConjuncts(String tsquery) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < tsquery.length(); i++) {
            char ch = tsquery.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == '|') {
                return null;
            } else if (!quoted && depth == 0 && ch == '&') {
                parts.add(tsquery.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(tsquery.substring(start).strip());
        return parts;
    }
}
