package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which sentences of an article share a passage with articles of other sources, and those articles, earliest
 * first: the latest active version at each address, boilerplate left out. The spans are aligned as they are read.
 */
@ApplicationScoped
public class ArticleReuse {

    /** Other articles listed a sentence at most; {@link SharedSentence#otherArticles()} counts them all. */
    static final int MAX_CARRIERS = 20;

    /**
     * SQL of the latest active versions that carry the passage {@code passage}, each once with the first of its
     * sentences that does and its date; {@code and} narrows them further.
     */
    static String carriersOf(String passage, String and) {
        return """
                select distinct on (c.article_id) c.article_id, c.sentence, a.published
                from passage_carrier c join article a on a.id = c.article_id
                where c.passage_id = %s and a.latest and a.status = 'active' %s
                order by c.article_id, c.sentence""".formatted(passage, and);
    }

    /**
     * Lets the rest of this transaction read as a browse request: within the browse statement timeout, and without
     * JIT, since compiling these plans takes longer than running them (0.7 s against 0.1 s for an article's reuse).
     */
    static void browse(Connection conn, CatalogConfig config) throws SQLException {
        try (PreparedStatement settings = conn.prepareStatement(
                "select set_config('jit', 'off', true), set_config('statement_timeout', ?, true)")) {
            settings.setString(1, config.browse().statementTimeout().toMillis() + "ms");
            settings.execute();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogConfig config;

    /**
     * The reuse of one article version.
     *
     * @param lookedFor whether its passages have been looked for yet: articles are linked after their ingest run
     * @param sentences its sentences that share a passage, in order
     */
    public record Reuse(long articleId, boolean lookedFor, List<SharedSentence> sentences) {

        /** The shared sentence numbered so (from 1), if it is shared. */
        public Optional<SharedSentence> sentence(int number) {
            return sentences.stream().filter(s -> s.sentence() == number).findFirst();
        }
    }

    /**
     * @param sentence      its number in the article, from 1
     * @param otherArticles how many articles of other sources carry it, of which {@code carriers} lists the earliest
     * @param firstHere     whether no article listed was published before this one
     * @param passageId     the passage it shares: of several (the sentence and a quote in it), the one that the most
     *                      articles of other sources carry
     */
    public record SharedSentence(
            int sentence, int otherArticles, boolean firstHere, long passageId, List<Carrier> carriers) {}

    /**
     * Another article that carries a passage of the sentence.
     *
     * @param sentence   the number of its sentence that does, from 1
     * @param words      the passage's words in this article's sentence, when the two sentences align word by word;
     *                   none when they are linked through other copies of the passage
     * @param otherWords the passage's words in the other article's sentence
     * @param score      matched words over the longer span, 1 for the same words (see {@link WordAlignment#score()})
     */
    public record Carrier(
            long articleId,
            String headline,
            String source,
            LocalDate published,
            int sentence,
            Span words,
            Span otherWords,
            Double score) {}

    /** Words {@code [from, to)} of a sentence, counted from 0 after normalization (see the README). */
    public record Span(int from, int to) {}

    /** The reuse of the article version with this id; empty when there is none. */
    public Optional<Reuse> of(long id) {
        try (Connection conn = dataSource.getConnection()) {
            // its settings last as long as a transaction: its own, or the page's that calls it
            boolean own = conn.getAutoCommit();
            if (own) {
                conn.setAutoCommit(false);
            }
            browse(conn, config);
            String[] sentences;
            LocalDate published;
            boolean lookedFor;
            try (PreparedStatement select = conn.prepareStatement("""
                    select a.sentences, a.published,
                        exists (select from reuse_article r where r.article_id = a.id)
                    from article a where a.id = ?""")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        end(conn, own);
                        return Optional.empty();
                    }
                    sentences = (String[]) rs.getArray(1).getArray();
                    published = rs.getObject(2, LocalDate.class);
                    lookedFor = rs.getBoolean(3);
                }
            }
            Reuse reuse = new Reuse(id, lookedFor, shared(conn, id, sentences, published));
            end(conn, own);
            return Optional.of(reuse);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static void end(Connection conn, boolean own) throws SQLException {
        if (own) {
            conn.commit();
        }
    }

    private List<SharedSentence> shared(Connection conn, long id, String[] sentences, LocalDate published)
            throws SQLException {
        Map<Integer, Map<Long, Carrier>> carriers = new TreeMap<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        Map<Integer, Long> passages = new TreeMap<>();
        // a source's boilerplate is set aside before its carriers are read: it may have a hundred thousand
        try (PreparedStatement select = conn.prepareStatement(
                """
                with me as (select id, source_id from article where id = ?),
                mine as materialized (
                    select c.passage_id, c.sentence from passage_carrier c
                    where c.article_id = (select id from me) and not passage_boilerplate(c.passage_id))
                select mine.sentence, o.article_id, o.sentence, a.headline, a.published, s.host,
                    a.sentences[o.sentence + 1], o.total, mine.passage_id
                from mine
                cross join lateral (
                    select o.article_id, o.sentence, o.published, count(*) over () as total
                    from (""" + carriersOf("mine.passage_id", "and a.source_id <> (select source_id from me)") + """
                    ) o
                    order by o.published, o.article_id
                    limit ?) o
                join article a on a.id = o.article_id
                join source s on s.id = a.source_id
                order by mine.sentence, a.published, a.id""")) {
            select.setLong(1, id);
            select.setInt(2, MAX_CARRIERS);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int sentence = rs.getInt(1);
                    int total = rs.getInt(8);
                    long passage = rs.getLong(9);
                    Integer most = counts.get(sentence);
                    if (most == null || total > most || total == most && passage < passages.get(sentence)) {
                        counts.put(sentence, total);
                        passages.put(sentence, passage);
                    }
                    Map<Long, Carrier> listed = carriers.computeIfAbsent(sentence, n -> new LinkedHashMap<>());
                    long other = rs.getLong(2);
                    if (listed.containsKey(other) || listed.size() >= MAX_CARRIERS) {
                        continue;
                    }
                    Optional<WordAlignment> aligned = WordAlignment.of(
                            SentenceWords.of(sentences[sentence]).words(),
                            SentenceWords.of(rs.getString(7)).words());
                    listed.put(
                            other,
                            new Carrier(
                                    other,
                                    rs.getString(4),
                                    rs.getString(6),
                                    rs.getObject(5, LocalDate.class),
                                    rs.getInt(3) + 1,
                                    aligned.map(al -> new Span(al.aFrom(), al.aTo()))
                                            .orElse(null),
                                    aligned.map(al -> new Span(al.bFrom(), al.bTo()))
                                            .orElse(null),
                                    aligned.map(WordAlignment::score).orElse(null)));
                }
            }
        }
        List<SharedSentence> shared = new ArrayList<>();
        carriers.forEach((sentence, listed) -> {
            List<Carrier> earliestFirst = new ArrayList<>(listed.values());
            earliestFirst.sort((x, y) -> x.published().compareTo(y.published()));
            boolean firstHere =
                    earliestFirst.stream().noneMatch(c -> c.published().isBefore(published));
            shared.add(new SharedSentence(
                    sentence + 1, counts.get(sentence), firstHere, passages.get(sentence), earliestFirst));
        });
        return shared;
    }
}
