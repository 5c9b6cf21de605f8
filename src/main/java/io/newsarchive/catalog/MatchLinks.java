package io.newsarchive.catalog;

/**
 * Where the views of one selection are, for the links between them: its articles on the catalog page, its top words
 * and its coverage by source.
 */
public record MatchLinks(String articles, String words, String coverage) {

    public static MatchLinks of(CatalogFilter filter) {
        return new MatchLinks(
                filter.href("/").toString(),
                filter.href("/words").toString(),
                filter.href("/coverage").toString());
    }
}
