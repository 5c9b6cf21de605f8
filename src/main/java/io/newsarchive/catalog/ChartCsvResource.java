package io.newsarchive.catalog;

import io.newsarchive.system.Params;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** The numbers the catalog's charts draw, as CSV. */
@Tag(name = "Catalog")
@Path("/api")
@Produces(CsvTable.MEDIA_TYPE)
public class ChartCsvResource {

    private final ArticleSearch search;
    private final SourceCatalog sources;

    ChartCsvResource(ArticleSearch search, SourceCatalog sources) {
        this.search = search;
        this.sources = sources;
    }

    @Operation(
            summary = "Articles per month of a listing, per year when they span ten years or more, as the catalog"
                    + " page's chart counts them (a large text search's first matches unless exact_total=true): a row"
                    + " a period, months without articles included; columns month (2022-03) or year, and articles")
    @APIResponse(
            responseCode = "200",
            description = "the chart's numbers",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "a parameter is wrong; the answer names it")
    @GET
    @Path("/timeline.csv")
    public Response timeline(@BeanParam CountingParams params) {
        CatalogFilter filter = CatalogFilter.of(params);
        Listing listing = search.list(new ListingRequest(
                filter,
                SortOrder.of(null, filter.q() != null),
                1,
                null,
                true,
                Params.bool("exact_total", params.exactTotal, false),
                1));
        return CsvTable.attachment(
                Timeline.of(listing.facets().month(), (first, last) -> null, null)
                        .csv(),
                "articles-per-period.csv");
    }

    @Operation(
            summary = "Every source with articles, the most first, as the dashboard's chart of the top sources has"
                    + " them: columns host, domain, articles, first and last publication date")
    @APIResponse(
            responseCode = "200",
            description = "a row a source",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/sources.csv")
    public Response sources() {
        return CsvTable.download(
                "sources.csv",
                List.of("host", "domain", "articles", "first", "last"),
                sources.all().stream()
                        .map(s -> Arrays.asList(s.host(), s.domain(), s.articles(), s.first(), s.last()))
                        .toList());
    }
}
