package io.newsarchive.reuse;

import io.newsarchive.system.ApiError;
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

/** Text reuse in the API: the passages an article shares with articles of other sources. */
@Tag(name = "Reuse")
@Path("/api/articles/{id}/reuse")
public class ReuseResource {

    @Inject
    ArticleReuse reuse;

    @Operation(
            summary = "The sentences of an article version that share a passage with articles of other sources, each"
                    + " with those articles earliest first, the aligned words in both and a score")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ArticleReuse.Reuse reuse(@RestPath @Parameter(description = "an article version's id") String id) {
        long articleId = Params.id("id", id);
        return reuse.of(articleId).orElseThrow(() -> ApiError.notFound("no article " + articleId));
    }
}
