package io.newsarchive.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.List;

/**
 * One page of a listing, as {@code GET /api/articles} answers it.
 *
 * @param start             the position of the first item in the listing, from 1 (51 on the second page of 50)
 * @param total             the number of matching articles, or an estimate of it
 * @param facets            counts per source, domain, year, month, collection, status and version; null when not
 *                          asked for
 * @param facetSources      how many sources the source facet has in all (it lists the most frequent)
 * @param facetsSampleSize  null when the facets count every match; else they count only this many matches
 */
public record Listing(
        List<ArticleJson> items,
        String nextCursor,
        String prevCursor,
        long start,
        long total,
        boolean totalIsEstimate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Facets facets,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer facetSources,
        Integer facetsSampleSize) {

    /**
     * @param domain     the registrable domains of the matches' sources, most frequent first
     * @param collection every source collection with how many of the matches its sources have
     * @param status     the matches with each status ({@code active}, {@code withdrawn}, {@code all}), the filter's
     *                   status set aside
     * @param version    the matches in their latest version ({@code latest}) and in all versions ({@code all}), the
     *                   filter's version set aside
     */
    public record Facets(
            List<FacetValue> source,
            List<FacetValue> domain,
            List<FacetValue> year,
            List<FacetValue> month,
            List<CollectionValue> collection,
            List<FacetValue> status,
            List<FacetValue> version) {}

    /**
     * A facet value: a host, a domain, a year ({@code 2022}), a month ({@code 2022-03}), a status or a version
     * ({@code latest} or {@code all}).
     */
    public record FacetValue(String value, long count) {}

    /** A value of the collection facet: a collection's slug and name, and the matches from its sources. */
    public record CollectionValue(String value, String name, long count) {

        /** Most matches first, then by name. */
        public static final Comparator<CollectionValue> ORDER = Comparator.comparingLong(CollectionValue::count)
                .reversed()
                .thenComparing(CollectionValue::name, String.CASE_INSENSITIVE_ORDER);
    }
}
