package io.newsarchive.reuse;

import io.newsarchive.system.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One passage in the API: its words, its carriers per month and the earliest of them. */
@Tag(name = "Reuse")
@Path("/api/passages/{id}")
public class PassageResource {

    @Inject
    PassageCarriers passages;

    @Operation(
            summary = "A passage: the sentence of its earliest carrier, its carriers per month and the earliest 100"
                    + " of them, only the latest active versions")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PassageCarriers.Passage passage(
            @RestPath @Parameter(description = "a passage's id (passage_id in an article's reuse)") String id) {
        long passageId = Params.id("id", id);
        return passages.of(passageId).orElseThrow(() -> passages.missing(passageId, "/api/passages/"));
    }
}
