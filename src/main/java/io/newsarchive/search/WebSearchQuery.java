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
 * {@code -term} excludes (every dash negates: {@code --term} looks for it); the characters {@code !&|()<:} only
 * separate words; {@code OR} splits the query into alternatives, each a group of terms that must all hold
 * ({@code a b OR c} is {@code (a and b) or c}, as PostgreSQL's AND binds tighter than its OR); words the index
 * leaves out (its stop words) are dropped, as PostgreSQL drops them. The query has been checked by PostgreSQL before (it names a word to look
 * for, or excludes only), so what is left here always means something.
 */
final class WebSearchQuery {

    /** One term: a word or a phrase (both matched as phrases), maybe excluded. */
    record Term(String text, boolean excluded) {}

    private static final Set<String> STOP_WORDS = stopWords();
    /** Characters that PostgreSQL's web-search syntax ignores between terms, and that end a word. */
    private static final String OPERATORS = "!&|()<";

    /** The alternatives, each terms that must all hold. */
    private final List<List<Term>> alternatives;

    private WebSearchQuery(List<List<Term>> alternatives) {
        this.alternatives = alternatives;
    }

    static WebSearchQuery parse(String q) {
        List<List<Term>> alternatives = new ArrayList<>();
        List<Term> group = new ArrayList<>();
        int i = 0;
        boolean afterTerm = false;
        while (i < q.length()) {
            if (afterTerm) {
                afterTerm = false;
                i = skip(q, i, false);
                if (isOr(q, i)) {
                    if (!group.isEmpty()) {
                        alternatives.add(group);
                        group = new ArrayList<>();
                    }
                    i += 2;
                    continue;
                }
            }
            // every dash before a term negates it: "- dog" excludes dog, "--dog" looks for it
            int dashes = 0;
            for (int next = skip(q, i, true); i < next; i++) {
                dashes += q.charAt(i) == '-' ? 1 : 0;
            }
            if (i == q.length()) {
                break;
            }
            String text;
            if (q.charAt(i) == '"') {
                int end = q.indexOf('"', i + 1);
                text = q.substring(i + 1, end < 0 ? q.length() : end);
                i = end < 0 ? q.length() : end + 1;
            } else {
                int end = i;
                while (end < q.length() && !endsWord(q.charAt(end))) {
                    end++;
                }
                text = q.substring(i, end);
                i = end;
            }
            if (searchable(text)) {
                group.add(new Term(text, dashes % 2 == 1));
            }
            afterTerm = true;
        }
        if (!group.isEmpty()) {
            alternatives.add(group);
        }
        return new WebSearchQuery(alternatives);
    }

    /**
     * Where the next term (or, after a term, an {@code OR}) starts: past white space, PostgreSQL's operator
     * characters, which it ignores, and colons, which only end words; before a term past dashes too.
     */
    private static int skip(String q, int i, boolean dashes) {
        while (i < q.length()) {
            char ch = q.charAt(i);
            if (!(Character.isWhitespace(ch) || OPERATORS.indexOf(ch) >= 0 || ch == ':' || (dashes && ch == '-'))) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean endsWord(char ch) {
        return Character.isWhitespace(ch) || ch == '"' || ch == ':' || OPERATORS.indexOf(ch) >= 0;
    }

    /**
     * Whether an {@code OR} after a term starts at {@code i}, by PostgreSQL's rule: not the start of a word (no
     * letter, digit, dash or underscore follows it), and a term after it.
     */
    private static boolean isOr(String q, int i) {
        if (!q.regionMatches(true, i, "or", 0, 2) || i + 2 >= q.length()) {
            return false;
        }
        char next = q.charAt(i + 2);
        if (Character.isLetterOrDigit(next) || next == '-' || next == '_') {
            return false;
        }
        for (int j = i + 3; j < q.length(); j++) {
            if (!Character.isWhitespace(q.charAt(j))) {
                return true;
            }
        }
        return false;
    }

    /** The query over {@code field}: whether an article matches. */
    Query matching(String field) {
        if (alternatives.size() == 1) {
            return all(field, alternatives.get(0));
        }
        List<Query> any = alternatives.stream().map(group -> all(field, group)).toList();
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** Every term of a group: its words present, its exclusions absent. */
    private static Query all(String field, List<Term> group) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (Term term : group) {
            if (term.excluded()) {
                bool.mustNot(phrase(field, term.text()));
            } else {
                bool.must(phrase(field, term.text()));
            }
        }
        if (group.stream().allMatch(Term::excluded)) {
            // only exclusions: everything else
            bool.must(Query.of(q -> q.matchAll(m -> m)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Any of the terms that are looked for (not excluded) over {@code field}, for scoring. */
    Query anyWanted(String field) {
        List<Query> wanted = alternatives.stream()
                .flatMap(List::stream)
                .filter(t -> !t.excluded())
                .map(t -> phrase(field, t.text()))
                .toList();
        return Query.of(q -> q.bool(b -> b.should(wanted)));
    }

    /** Whether the query only excludes, so that nothing in an article is a match to mark or rank by. */
    boolean exclusionsOnly() {
        return alternatives.stream().flatMap(List::stream).allMatch(Term::excluded);
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
