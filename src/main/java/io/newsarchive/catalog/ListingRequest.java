package io.newsarchive.catalog;

import io.newsarchive.system.Params;

/**
 * One page of a listing, checked: every bad parameter is a 400 that names it.
 *
 * @param cursor       where the page starts, or null for the first page
 * @param facets       whether facet counts are wanted
 * @param exactTotal   whether the total must be counted exactly even when that is slow
 * @param sourceFacets how many source facet values to give, most frequent first
 */
public record ListingRequest(CatalogFilter filter, SortOrder sort, int limit, Cursor cursor, boolean facets,
                             boolean exactTotal, int sourceFacets) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int DEFAULT_SOURCE_FACETS = 20;

    public static ListingRequest of(ListingParams p) {
        CatalogFilter filter = CatalogFilter.of(p);
        SortOrder sort = SortOrder.of(p.sort, filter.q() != null);
        int limit = Params.intInRange("limit", p.limit, DEFAULT_LIMIT, 1, 1000);
        Cursor cursor = p.cursor == null || p.cursor.isEmpty() ? null : Cursor.parse(p.cursor, sort);
        return new ListingRequest(filter, sort, limit, cursor, Params.bool("facets", p.facets, true),
                Params.bool("exact_total", p.exactTotal, false),
                Params.intInRange("source_facets", p.sourceFacets, DEFAULT_SOURCE_FACETS, 1, 1000));
    }
}
