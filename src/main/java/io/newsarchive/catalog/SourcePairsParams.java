package io.newsarchive.catalog;

import io.newsarchive.reuse.SourcePairs;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;

/** The query parameters of the source pairs: the period and how many pairs. */
public class SourcePairsParams {

    @RestQuery
    @Parameter(
            description = "first publication date counted, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @RestQuery
    @Parameter(
            description = "last publication date counted, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @RestQuery
    @Parameter(
            description = "how many pairs, those sharing the most passages first",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
    public String limit;

    /** The pairs these parameters ask for; a 400 naming a parameter that is not understood. */
    SourcePairs.Pairs pairs(SourcePairs sourcePairs) {
        LocalDate first = Params.date("from", from);
        LocalDate last = Params.date("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw ApiError.badParameter("to", "to (" + last + ") is before from (" + first + ")");
        }
        return sourcePairs.of(
                first, last, Params.intInRange("limit", limit, SourcePairs.DEFAULT_LIMIT, 1, SourcePairs.MAX_LIMIT));
    }

    /** The address of these pairs at {@code path}, with the parameters that were given. */
    static Href href(String path, SourcePairs.Pairs pairs) {
        return Href.of(path)
                .plus("from", pairs.from() == null ? null : pairs.from().toString())
                .plus("to", pairs.to() == null ? null : pairs.to().toString())
                .plus("limit", pairs.limit() == SourcePairs.DEFAULT_LIMIT ? null : Integer.toString(pairs.limit()));
    }
}
