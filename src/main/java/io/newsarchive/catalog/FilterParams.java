package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The query parameters that choose articles, shared by listings, exports and feeds so that all speak one URL grammar.
 * Kept as the client sent them; {@link CatalogFilter#of} checks them. The enumerations documented here are checked
 * against the enums that read them by a test.
 */
public class FilterParams {

    @RestQuery
    @Parameter(description = "words to search for in headlines and texts (websearch syntax: \"a phrase\", -not, or)")
    public String q;

    @RestQuery
    @Parameter(
            description = "a sentence or quote (at least 8 words, at most 2000 characters): the articles that carry it,"
                    + " however they wrote its quotes, case and punctuation; a fragment of a longer sentence is mostly"
                    + " not found (search it as a phrase with q)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2000))
    public String passage;

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
            description = "a source collection's slug (uk-tabloids; see /api/collections): its sources' articles;"
                    + " repeat for several collections",
            explode = Explode.TRUE)
    public List<String> collection;

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

    /** The name of a filter parameter the request gave (one with a value), or null when it gave none. */
    public String anyGiven() {
        return Stream.of(
                        given("q", q),
                        given("passage", passage),
                        given("from", from),
                        given("to", to),
                        given("source", source),
                        given("collection", collection),
                        given("status", status),
                        given("all_versions", allVersions))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** {@code name} when its value is given, null when it is absent or blank. */
    private static String given(String name, String value) {
        return value == null || value.isBlank() ? null : name;
    }

    private static String given(String name, List<String> values) {
        return values == null || values.stream().allMatch(String::isBlank) ? null : name;
    }
}
