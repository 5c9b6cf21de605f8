package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * The query parameters of a catalog listing, shared by the pages and the JSON API so that both speak one URL
 * grammar. Kept as the client sent them; {@link ListingRequest#of} checks them. The enumerations documented here
 * are checked against {@link SortOrder} and {@link StatusFilter} by a test.
 */
public class ListingParams {

    @RestQuery
    @Parameter(description = "words to search for in headlines and texts (websearch syntax: \"a phrase\", -not, or)")
    public String q;

    @RestQuery
    @Parameter(
            description = "first publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @RestQuery
    @Parameter(
            description = "last publication date, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @RestQuery
    @Parameter(description = "a source's host name (bbc.co.uk); repeat for several sources", explode = Explode.TRUE)
    public List<String> source;

    @RestQuery
    @Parameter(
            description = "which articles by their status; active when left out",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"active", "withdrawn", "all"}))
    public String status;

    @RestQuery("all_versions")
    @Parameter(
            description = "every version of each URL, not only the latest",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String allVersions;

    @RestQuery
    @Parameter(
            description = "the order: relevance (needs q; the default with q), newest (-published, the default"
                    + " without q) or oldest (published) first",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"-published", "published", "relevance"}))
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
            description = "whether to count the matches per source, year and month",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    public String facets;

    @RestQuery("exact_total")
    @Parameter(
            description = "count the total exactly even where that is slow, instead of estimating a large one",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String exactTotal;

    @RestQuery("source_facets")
    @Parameter(
            description = "how many sources the source facet lists, most frequent first",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "20"))
    public String sourceFacets;
}
