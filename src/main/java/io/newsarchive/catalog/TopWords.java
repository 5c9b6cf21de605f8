package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The most frequent words of a query's matches, as {@code GET /api/words} answers them.
 *
 * @param filter   the filters in words
 * @param articles how many matches were counted: all of them, or the newest {@code catalog.browse.top-words-sample}
 * @param sampled  whether there are more matches than were counted
 * @param words    the words in the most articles first
 */
public record TopWords(String filter, int articles, boolean sampled, List<Word> words) {

    /**
     * @param word     the form the word is most often written in among the counted articles, lower case
     * @param lexeme   the stem it is counted by, as the full-text search has it: {@code troops} and {@code troop} are one
     * @param articles how many of the counted articles hold it
     * @param share    that as a part of the counted articles, from 0 to 1
     */
    public record Word(
            String word,
            String lexeme,
            long articles,
            @Schema(minimum = "0", maximum = "1") double share) {}
}
