package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * How much of each source a query matches, as {@code GET /api/coverage} answers it.
 *
 * @param filter         the filters in words
 * @param matches        articles that match, in all
 * @param articles       articles within the filter's dates, statuses, versions and sources, matching or not
 * @param share          matches as a part of those articles, from 0 to 1
 * @param sourcesMatched sources with at least one match, each listed
 * @param sources        sources with articles within the filter's dates, statuses, versions and sources
 * @param bySource       the sources with matches, the most matches first
 */
public record Coverage(
        String filter,
        long matches,
        long articles,
        @Schema(minimum = "0", maximum = "1") double share,
        int sourcesMatched,
        long sources,
        List<Source> bySource) {

    /**
     * @param source   the source's host
     * @param matches  its articles that match
     * @param articles its articles within the filter's dates, statuses and versions
     * @param share    matches as a part of those articles, from 0 to 1
     */
    public record Source(
            String source,
            long matches,
            long articles,
            @Schema(minimum = "0", maximum = "1") double share) {}
}
