package io.newsarchive.catalog;

import java.time.LocalDate;

/**
 * A source with the articles it has in the catalog (latest versions, active).
 *
 * @param first the earliest publication date, null when it has no listed article
 * @param last  the latest publication date
 */
public record SourceStats(String host, String domain, long articles, LocalDate first, LocalDate last) {}
