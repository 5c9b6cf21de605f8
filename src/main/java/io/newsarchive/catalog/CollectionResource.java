package io.newsarchive.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** Source collections as JSON, each with its sources and their article count; {@code ?collection=} filters by one. */
@Tag(name = "Catalog")
@Path("/api/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    private final SourceCollections collections;

    CollectionResource(SourceCollections collections) {
        this.collections = collections;
    }

    @Operation(summary = "Every source collection, by name, with its sources and their article count")
    @GET
    public List<CollectionStats> all() {
        return collections.all();
    }

    @Operation(summary = "One source collection with its sources")
    @GET
    @Path("/{slug}")
    public CollectionStats one(
            @RestPath @Parameter(description = "the collection's slug, as uk-tabloids") String slug) {
        return collections.get(slug);
    }
}
