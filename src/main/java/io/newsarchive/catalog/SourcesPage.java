package io.newsarchive.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** The list of sources, and each source's catalog (the catalog page filtered to it). */
@Tag(name = "Pages")
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(
                List<SourceStats> sources, long articles, String find, SourceOrder order, List<SourceOrder> orders);
    }

    private final SourceCatalog sources;
    private final CatalogPage catalog;

    SourcesPage(SourceCatalog sources, CatalogPage catalog) {
        this.sources = sources;
        this.catalog = catalog;
    }

    @Operation(summary = "The list of sources")
    @GET
    public TemplateInstance sources(@BeanParam SourceListParams params) {
        List<SourceStats> listed = params.listed(sources);
        return Templates.sources(
                listed,
                listed.stream().mapToLong(SourceStats::articles).sum(),
                params.find == null ? "" : params.find,
                SourceOrder.of(params.order),
                List.of(SourceOrder.values()));
    }

    @Operation(summary = "One source's catalog")
    @APIResponse(
            responseCode = "200",
            description = "the page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/{host}")
    public Response source(
            @RestPath @Parameter(description = "the source's host name, as bbc.co.uk") String host,
            @BeanParam ListingParams params) {
        SourceStats source = SourceResource.find(sources, host);
        params.source = List.of(source.host());
        return catalog.page(source.host() + " – Catalog", source.host(), params);
    }
}
