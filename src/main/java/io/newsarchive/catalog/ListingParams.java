package io.newsarchive.catalog;

import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * The query parameters of a catalog listing, shared by the pages and the JSON API so that both speak one URL
 * grammar. Kept as the client sent them; {@link ListingRequest#of} checks them.
 */
public class ListingParams {

    @RestQuery
    public String q;

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    @RestQuery
    public List<String> source;

    @RestQuery
    public String status;

    @RestQuery("all_versions")
    public String allVersions;

    @RestQuery
    public String sort;

    @RestQuery
    public String limit;

    @RestQuery
    public String cursor;

    @RestQuery
    public String facets;

    @RestQuery("exact_total")
    public String exactTotal;

    @RestQuery("source_facets")
    public String sourceFacets;
}
