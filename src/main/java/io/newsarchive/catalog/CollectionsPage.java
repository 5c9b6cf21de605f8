package io.newsarchive.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The source collections, each with its sources and a link to its articles in the catalog. */
@Tag(name = "Pages")
@Path("/collections")
@Produces(MediaType.TEXT_HTML)
public class CollectionsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collections(List<CollectionStats> collections);
    }

    private final SourceCollections collections;

    CollectionsPage(SourceCollections collections) {
        this.collections = collections;
    }

    @Operation(summary = "The source collections")
    @GET
    public TemplateInstance collections() {
        return Templates.collections(collections.all());
    }
}
