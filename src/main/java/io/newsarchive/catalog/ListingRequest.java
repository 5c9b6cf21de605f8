package io.newsarchive.catalog;

import io.newsarchive.system.Href;
import io.newsarchive.system.Params;

/**
 * One page of a listing, checked: every bad parameter is a 400 that names it.
 *
 * @param cursor       where the page starts, or null for the first page
 * @param facets       whether facet counts are wanted
 * @param exactTotal   whether the total must be counted exactly even when that is slow
 * @param sourceFacets how many source facet values to give, most frequent first
 */
public record ListingRequest(
        CatalogFilter filter,
        SortOrder sort,
        int limit,
        Cursor cursor,
        boolean facets,
        boolean exactTotal,
        int sourceFacets) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int DEFAULT_SOURCE_FACETS = 20;

    public static ListingRequest of(ListingParams p) {
        CatalogFilter filter = CatalogFilter.of(p);
        SortOrder sort = SortOrder.of(p.sort, filter.q() != null);
        int limit = Params.intInRange("limit", p.limit, DEFAULT_LIMIT, 1, 1000);
        Cursor cursor = p.cursor == null || p.cursor.isEmpty() ? null : Cursor.parse(p.cursor, sort);
        return new ListingRequest(
                filter,
                sort,
                limit,
                cursor,
                Params.bool("facets", p.facets, true),
                Params.bool("exact_total", p.exactTotal, false),
                Params.intInRange("source_facets", p.sourceFacets, DEFAULT_SOURCE_FACETS, 1, 1000));
    }

    /**
     * A link to this listing at {@code path}, without its cursor: a link that changes a filter starts at the first
     * page. Defaults are left out, and parameters keep the order of the URL grammar, so that equal listings have
     * equal links.
     */
    Href href(String path) {
        Href href = Href.of(path)
                .plus("q", filter.q())
                .plus("passage", filter.passage())
                .plus("from", filter.from() == null ? null : filter.from().toString())
                .plus("to", filter.to() == null ? null : filter.to().toString());
        for (String source : filter.sources()) {
            href = href.plus("source", source);
        }
        for (String collection : filter.collections()) {
            href = href.plus("collection", collection);
        }
        return href.plus(
                        "status",
                        filter.statuses() == StatusFilter.ACTIVE
                                ? null
                                : filter.statuses().toString())
                .plus("all_versions", filter.allVersions() ? "true" : null)
                .plus("sort", sort == SortOrder.of(null, filter.q() != null) ? null : sort.param)
                .plus("limit", limit == DEFAULT_LIMIT ? null : Integer.toString(limit))
                .plus("exact_total", exactTotal ? "true" : null)
                .plus("source_facets", sourceFacets == DEFAULT_SOURCE_FACETS ? null : Integer.toString(sourceFacets));
    }
}
