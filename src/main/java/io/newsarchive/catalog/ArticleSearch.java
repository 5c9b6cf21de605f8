package io.newsarchive.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the pages, the API and the export ask of the catalog's search: a page of a listing with its counts, and
 * the articles of a filter for an export. {@link PostgresSearch} answers both from PostgreSQL.
 */
public interface ArticleSearch {

    /** One page of a listing, its total and, when asked for, its facets. */
    Listing list(ListingRequest request);

    /**
     * The filter as a condition over {@code article a} with its values written in, for an export that reads the
     * articles itself in the transaction of {@code c}.
     */
    String selection(Connection c, CatalogFilter filter) throws SQLException;
}
