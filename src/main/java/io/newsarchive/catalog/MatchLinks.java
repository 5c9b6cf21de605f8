package io.newsarchive.catalog;

/**
 * Where the views of one selection are, for the links between them: its articles on the catalog page, its top words,
 * its coverage by source, and a comparison of it (its statuses and versions aside) with other queries; none for a
 * selection by passage, which a comparison's rows do not take.
 */
public record MatchLinks(String articles, String words, String coverage, String compare) {

    public static MatchLinks of(CatalogFilter filter) {
        return new MatchLinks(
                filter.href("/").toString(),
                filter.href("/words").toString(),
                filter.href("/coverage").toString(),
                filter.passage() == null
                        ? ComparedQueries.of(filter).href("/compare").toString()
                        : null);
    }
}
