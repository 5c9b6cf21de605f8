package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog page: search, filters, facets, timeline and results; {@code GET /api/articles} is its JSON twin. */
@Tag(name = "Pages")
@Path("/")
public class CatalogPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(CatalogView view);

        static native TemplateInstance refused(String title, SearchForm form);
    }

    private final ArticleSearch search;

    CatalogPage(ArticleSearch search) {
        this.search = search;
    }

    @Operation(summary = "The catalog page: search, filters, facets and results")
    @APIResponse(
            responseCode = "200",
            description = "the page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "the search form as typed, with what is wrong")
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response catalog(@BeanParam ListingParams params) {
        String title = params.q != null && !params.q.isBlank()
                ? params.q.strip() + " – Catalog"
                : params.passage != null && !params.passage.isBlank() ? "Carriers of a passage – Catalog" : "Catalog";
        return page(title, null, params);
    }

    /**
     * The catalog page of these parameters, rendered here so that its bytes get an ETag; {@code scope} names what the
     * listing is of (a source), or is null for the whole catalog. A search the catalog cannot take keeps its form,
     * filled in as it was typed, and says what is wrong there (400).
     */
    Response page(String title, String scope, ListingParams params) {
        ListingRequest request;
        Listing listing;
        try {
            request = ListingRequest.of(params);
            listing = search.list(request);
        } catch (ApiError.Failure refused) {
            if (refused.status() != Response.Status.BAD_REQUEST.getStatusCode()) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(Templates.refused(title, SearchForm.refused(params, refused.body()))
                            .render())
                    .build();
        }
        return Response.ok(Templates.catalog(CatalogView.of(title, scope, request, listing))
                        .render())
                .build();
    }
}
