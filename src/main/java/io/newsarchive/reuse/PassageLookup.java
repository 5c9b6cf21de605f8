package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The articles that carry a passage, however they wrote its quotes and punctuation. The text is taken as one
 * sentence: looked up under its {@link PassageKeys} as the linker looks up a new article's, each sentence found
 * {@link WordAlignment aligned} with it to confirm, and then every article linked with those sentences into a
 * passage. A whole sentence or quote is found so; a fragment of a longer sentence mostly has other keys.
 */
@ApplicationScoped
public class PassageLookup {

    /**
     * Article ids a lookup answers at most, the first ingested: a passage carried more often than that is a slogan,
     * not a filter, and reading every carrier of it would hold a core for seconds.
     */
    public static final int MAX_ARTICLES = 10_000;

    @Inject
    AgroalDataSource dataSource;

    /** Whether a text has words enough to be looked up as a passage ({@link PassageKeys#MIN_WORDS}). */
    public static boolean longEnough(String text) {
        return SentenceWords.of(text).words().size() >= PassageKeys.MIN_WORDS;
    }

    /** The ids of every article version that carries the passage, ascending, at most {@link #MAX_ARTICLES}. */
    public List<Long> carriers(String text) {
        try (Connection conn = dataSource.getConnection()) {
            return carriers(conn, text);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** {@link #carriers(String)} in the caller's transaction, for a listing that reads in one snapshot. */
    public static List<Long> carriers(Connection conn, String text) throws SQLException {
        SentenceWords words = SentenceWords.of(text);
        Set<Integer> lookup = PassageKeys.lookupKeys(PassageKeys.units(List.of(words)));
        Set<PassageLinker.Place> found =
                new LinkedHashSet<>(PassageLinker.storedKeys(conn, lookup).values());
        List<PassageLinker.Place> confirmed = new ArrayList<>();
        if (!found.isEmpty()) {
            PassageLinker.storedSentences(conn, found).forEach((place, sentence) -> {
                if (WordAlignment.of(words.words(), SentenceWords.of(sentence).words())
                        .isPresent()) {
                    confirmed.add(place);
                }
            });
        }
        if (confirmed.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = conn.prepareStatement("""
                select article_id from (
                    select o.article_id
                    from unnest(?::bigint[], ?::integer[]) p(article, sentence)
                    join passage_carrier mine on mine.article_id = p.article and mine.sentence = p.sentence
                    join passage_carrier o on o.passage_id = mine.passage_id
                    union
                    select unnest(?::bigint[])
                ) carriers
                order by article_id limit ?""")) {
            select.setArray(1, PassageLinker.articles(conn, confirmed));
            select.setArray(2, PassageLinker.sentences(conn, confirmed));
            select.setArray(3, PassageLinker.articles(conn, confirmed));
            select.setInt(4, MAX_ARTICLES);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
