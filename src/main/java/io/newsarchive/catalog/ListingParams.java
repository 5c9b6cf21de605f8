package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters of a page of a listing: its filters and counts, and its order, size and place. Shared by the pages
 * and the JSON API; {@link ListingRequest#of} checks them.
 */
public class ListingParams extends CountingParams {

    @RestQuery
    @Parameter(
            description = "the order: relevance (needs q; the default with q), newest (-published, the default"
                    + " without q), oldest (published), most recently ingested (-ingested) first, by source host"
                    + " A to Z then newest (source), or longest (-words) first",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"-published", "published", "relevance", "-ingested", "source", "-words"}))
    public String sort;

    @RestQuery
    @Parameter(
            description = "articles a page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "50"))
    public String limit;

    @RestQuery
    @Parameter(description = "where the page starts: the next_cursor or prev_cursor of another page")
    public String cursor;

    @RestQuery
    @Parameter(
            description =
                    "whether to count the matches per source, domain, year, month, collection, status and version",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    public String facets;

    @RestQuery("source_facets")
    @Parameter(
            description = "how many sources the source facet lists, most frequent first",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "20"))
    public String sourceFacets;
}
