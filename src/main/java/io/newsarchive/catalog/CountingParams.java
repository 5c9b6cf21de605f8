package io.newsarchive.catalog;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filters of a listing and how its matches are counted, shared by listings and the chart of their months. */
public class CountingParams extends FilterParams {

    @RestQuery("exact_total")
    @Parameter(
            description = "count the total exactly even where that is slow, instead of estimating a large one",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String exactTotal;
}
