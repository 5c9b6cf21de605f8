package io.newsarchive.catalog;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The numbers of a comparison of queries as JSON ({@code /api/compare}) and CSV; {@code /compare} is its page. */
@Tag(name = "Catalog")
@Path("/api")
public class ComparisonResource {

    private final Comparisons comparisons;

    ComparisonResource(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @Operation(
            summary = "Up to five queries' matches per period, and their share of all the catalog's articles",
            description = "Each query is numbered 1 to 5 (q1, from1, to1, source1, collection1, label1, ...); rows"
                    + " without words, dates, sources or collections are left out. Counted exactly in the latest"
                    + " active articles, each query within the statement timeout of a search; a period's share is"
                    + " its matches out of all the catalog's latest active articles published in it")
    @APIResponse(responseCode = "400", description = "a parameter is wrong; the answer names it (to2, q6, interval)")
    @APIResponse(responseCode = "503", description = "busy or too slow, as a search can be; narrow the filters")
    @GET
    @Path("/compare")
    @Produces(MediaType.APPLICATION_JSON)
    public Comparison compare(@BeanParam CompareParams params, @Context UriInfo uri) {
        return comparisons.compare(
                ComparedQueries.of(params, uri.getQueryParameters().keySet()));
    }

    @Operation(
            summary = "A comparison's numbers as CSV: the period, all articles, then each query's matches and share",
            description = "Columns: day, week (its Monday), month or year; all articles; then for each query its"
                    + " label (its matches) and its label followed by share (a fraction of all articles)")
    @APIResponse(
            responseCode = "200",
            description = "a row a period, those without matches included",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "a parameter is wrong; the answer names it (to2, q6, interval)")
    @APIResponse(responseCode = "503", description = "busy or too slow, as a search can be; narrow the filters")
    @GET
    @Path("/compare.csv")
    @Produces(CsvTable.MEDIA_TYPE)
    public Response compareCsv(@BeanParam CompareParams params, @Context UriInfo uri) {
        return CsvTable.attachment(compare(params, uri).csv(), "compared-queries.csv");
    }
}
