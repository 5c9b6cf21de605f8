package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.Field;
import java.util.List;

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
        for (Field field : FilterParams.class.getFields()) {
            RestQuery name = field.getAnnotation(RestQuery.class);
            Object value;
            try {
                value = field.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("the filter parameters are public fields", e);
            }
            boolean given = value instanceof List<?> values
                    ? values.stream().anyMatch(v -> !v.toString().isBlank())
                    : value != null && !value.toString().isBlank();
            if (name != null && given) {
                return name.value().isEmpty() ? field.getName() : name.value();
            }
        }
        return null;
    }
}
