package io.newsarchive.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A text query in web-search syntax as OpenSearch queries, read by the rules of PostgreSQL's
 * {@code websearch_to_tsquery}, so that both engines find the same articles: words must all occur; {@code "a
 * phrase"} must occur as written (a word written with punctuation inside, such as {@code well-known}, too);
 * {@code OR} between two terms lets either do; {@code -term} excludes; words the index leaves out (its stop words)
 * are dropped, as PostgreSQL drops them. The query has been checked by PostgreSQL before (it names a word to look
 * for, or excludes only), so what is left here always means something.
 */
final class WebSearchQuery {

    /** One term: a word or a phrase (both matched as phrases), maybe excluded. */
    record Term(String text, boolean excluded) {}

    private static final Set<String> STOP_WORDS = stopWords();

    /** Terms that must all hold; the terms of one clause are alternatives ({@code OR}). */
    private final List<List<Term>> clauses;

    private WebSearchQuery(List<List<Term>> clauses) {
        this.clauses = clauses;
    }

    static WebSearchQuery parse(String q) {
        List<List<Term>> clauses = new ArrayList<>();
        boolean or = false;
        int i = 0;
        while (i < q.length()) {
            char ch = q.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            boolean excluded = ch == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
            if (excluded) {
                i++;
            }
            String text;
            boolean quoted = q.charAt(i) == '"';
            if (quoted) {
                int end = q.indexOf('"', i + 1);
                text = q.substring(i + 1, end < 0 ? q.length() : end);
                i = end < 0 ? q.length() : end + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                text = q.substring(i, end);
                i = end;
            }
            if (!quoted && !excluded && text.equalsIgnoreCase("or")) {
                // "or" joins the terms around it; at either end it is nothing
                or = !clauses.isEmpty();
                continue;
            }
            if (!searchable(text)) {
                continue;
            }
            Term term = new Term(text, excluded);
            if (or) {
                clauses.get(clauses.size() - 1).add(term);
            } else {
                clauses.add(new ArrayList<>(List.of(term)));
            }
            or = false;
        }
        return new WebSearchQuery(clauses);
    }

    /** The query over {@code field}: whether an article matches. */
    Query matching(String field) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (List<Term> clause : clauses) {
            if (clause.size() == 1 && clause.get(0).excluded()) {
                bool.mustNot(phrase(field, clause.get(0).text()));
            } else if (clause.size() == 1) {
                bool.must(phrase(field, clause.get(0).text()));
            } else {
                List<Query> alternatives =
                        clause.stream().map(t -> term(field, t)).toList();
                bool.must(Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1"))));
            }
        }
        if (clauses.stream().allMatch(c -> c.size() == 1 && c.get(0).excluded())) {
            // only exclusions: everything else
            bool.must(Query.of(q -> q.matchAll(m -> m)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Any of the terms that are looked for (not excluded) over {@code field}, for scoring and highlighting. */
    Query anyWanted(String field) {
        List<Query> wanted = clauses.stream()
                .flatMap(List::stream)
                .filter(t -> !t.excluded())
                .map(t -> phrase(field, t.text()))
                .toList();
        return Query.of(q -> q.bool(b -> b.should(wanted)));
    }

    /** Whether the query only excludes, so that nothing in an article is a match to mark or rank by. */
    boolean exclusionsOnly() {
        return clauses.stream().flatMap(List::stream).allMatch(Term::excluded);
    }

    private static Query term(String field, Term t) {
        Query phrase = phrase(field, t.text());
        return t.excluded() ? Query.of(q -> q.bool(b -> b.mustNot(phrase))) : phrase;
    }

    private static Query phrase(String field, String text) {
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).zeroTermsQuery(ZeroTermsQuery.None)));
    }

    /** Whether a term has a word the index keeps: not only stop words and punctuation. */
    private static boolean searchable(String text) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The stop words of the index's analyzer, read from its mapping. */
    private static Set<String> stopWords() {
        try (InputStream in = WebSearchQuery.class.getResourceAsStream("/search/article-index.json")) {
            JsonNode words = new ObjectMapper().readTree(in).at("/settings/analysis/filter/catalog_stop/stopwords");
            Set<String> set = new HashSet<>();
            words.forEach(w -> set.add(w.asText()));
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
