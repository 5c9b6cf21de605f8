package io.newsarchive.catalog;

import java.time.LocalDate;

/**
 * An article as the search index holds it: what search matches, filters and counts by. The rest of what a listing
 * shows is read from PostgreSQL by id.
 *
 * @param lead the first three sentences, the second field of relevance after the headline
 * @param body every sentence, as the full-text vector reads them
 * @param wordCount the words of the article, for the order {@code -words}
 */
public record IndexedArticle(
        long id,
        String headline,
        String lead,
        String body,
        LocalDate published,
        String source,
        String domain,
        ArticleStatus status,
        boolean latest,
        int wordCount) {}
