package io.newsarchive.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog page: search, filters, facets, timeline and results; {@code GET /api/articles} is its JSON twin. */
@Tag(name = "Pages")
@Path("/")
public class CatalogPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(CatalogView view);
    }

    private final ArticleSearch search;

    CatalogPage(ArticleSearch search) {
        this.search = search;
    }

    @Operation(summary = "The catalog page: search, filters, facets and results")
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance catalog(@BeanParam ListingParams params) {
        ListingRequest request = ListingRequest.of(params);
        String title =
                request.filter().q() == null ? "Catalog" : request.filter().q() + " – Catalog";
        return render(title, request);
    }

    TemplateInstance render(String title, ListingRequest request) {
        return Templates.catalog(CatalogView.of(title, request, search.list(request)));
    }
}
