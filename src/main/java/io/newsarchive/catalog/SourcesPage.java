package io.newsarchive.catalog;

import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
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
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The list of sources, and each source's catalog (the catalog page filtered to it). */
@Tag(name = "Pages")
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcesPage {

    /** How many sources a page lists: a phone draws a few hundred table rows slowly, and nobody reads more. */
    static final int PAGE_SIZE = 100;

    /**
     * @param shown the sources of this page, {@code first} (1-based) the number of the first of them
     */
    record SourcePage(List<SourceStats> shown, int first, int total, long articles, Href prev, Href next) {

        /** "101–200 of 914", or null when one page lists them all. */
        public String rangeText() {
            return prev == null && next == null ? null : TemplateFormats.range(first, shown.size(), total, false);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(
                SourcePage page, String find, SourceOrder order, List<SourceOrder> orders);
    }

    private final SourceCatalog sources;
    private final CatalogPage catalog;

    SourcesPage(SourceCatalog sources, CatalogPage catalog) {
        this.sources = sources;
        this.catalog = catalog;
    }

    @Operation(summary = "The list of sources")
    @GET
    public TemplateInstance sources(
            @BeanParam SourceListParams params,
            @RestQuery @Parameter(description = "which hundred sources to show, from 1 (the default)") String page) {
        List<SourceStats> listed = params.listed(sources);
        int pages = Math.max(1, (listed.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Params.intInRange("page", page, 1, 1, pages);
        int first = (number - 1) * PAGE_SIZE;
        Href here = Href.of("/sources")
                .plus("find", Params.text("find", params.find))
                .plus("order", Params.text("order", params.order));
        return Templates.sources(
                new SourcePage(
                        listed.subList(first, Math.min(listed.size(), first + PAGE_SIZE)),
                        first + 1,
                        listed.size(),
                        listed.stream().mapToLong(SourceStats::articles).sum(),
                        number > 1 ? here.plus("page", number == 2 ? null : Integer.toString(number - 1)) : null,
                        number < pages ? here.plus("page", Integer.toString(number + 1)) : null),
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
