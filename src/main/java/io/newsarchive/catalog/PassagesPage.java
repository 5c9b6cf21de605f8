package io.newsarchive.catalog;

import io.newsarchive.reuse.PassageKeys;
import io.newsarchive.reuse.PassageLookup;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A form to find every article that carries a passage: it lists them on the catalog page ({@code /?passage=}). */
@Tag(name = "Pages")
@Path("/passages")
@Produces(MediaType.TEXT_HTML)
public class PassagesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance passages(int minWords, int maxLength, int maxArticles);
    }

    @Operation(summary = "A form to find every article that carries a passage")
    @GET
    public TemplateInstance passages() {
        return Templates.passages(PassageKeys.MIN_WORDS, CatalogFilter.MAX_PASSAGE_LENGTH, PassageLookup.MAX_ARTICLES);
    }
}
