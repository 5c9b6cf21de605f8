package io.newsarchive.reuse;

import java.util.List;

/**
 * An article's sentences as reuse compares them, and its passages with their keys: all that finding its shared
 * passages needs of it besides the database, so that it can be worked out beside the ingest's writing.
 */
public record ArticlePassages(List<SentenceWords> sentences, List<PassageKeys.Unit> units) {

    /** Sentences past this many are not compared (their numbers are stored as smallint). */
    static final int MAX_SENTENCES = Short.MAX_VALUE;

    /** The passages of an article's sentences. */
    public static ArticlePassages of(List<String> sentences) {
        List<SentenceWords> words =
                sentences.stream().limit(MAX_SENTENCES).map(SentenceWords::of).toList();
        return new ArticlePassages(words, PassageKeys.units(words));
    }

    /** How many words its sentences have, as reuse counts them. */
    int words() {
        return sentences.stream().mapToInt(s -> s.words().size()).sum();
    }
}
