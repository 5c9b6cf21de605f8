package io.newsarchive.catalog;

import io.newsarchive.preservation.EventJson;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.ByteRange;
import io.newsarchive.system.ContentDisposition;
import io.newsarchive.system.Params;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Arrays;
import java.util.List;

/**
 * The catalog as JSON: listings and searches, one article version, its preservation events, and its original file
 * byte for byte.
 */
@Tag(name = "Catalog")
@Path("/api/articles")
public class ArticleResource {

    private final ArticleSearch search;

    ArticleResource(ArticleSearch search) {
        this.search = search;
    }

    @Operation(summary = "A page of the catalog: a listing or a search, with facets")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Listing list(@BeanParam ListingParams params) {
        return search.list(ListingRequest.of(params));
    }

    @Operation(summary = "One article version's metadata")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public ArticleJson article(@RestPath @Parameter(description = "an article version's id") String id) {
        return ArticleJson.of(find(id));
    }

    /** The version's preservation events, oldest first. */
    @Operation(summary = "One article version's preservation events, oldest first")
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<EventJson> events(@RestPath @Parameter(description = "an article version's id") String id) {
        return PreservationEvent.ofArticle(find(id).id);
    }

    @Operation(summary = "The original file, byte for byte; takes Range and If-None-Match")
    @APIResponse(
            responseCode = "200",
            description = "the whole file",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "206",
            description = "the byte range asked for",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "416", description = "the range lies outside the file")
    @GET
    @Path("/{id}/original")
    @Transactional
    public Response original(
            @RestPath @Parameter(description = "an article version's id") String id,
            @RestHeader("Range")
                    @Parameter(description = "one range of bytes, as bytes=0-499, bytes=500- or bytes=-500")
                    String range,
            @RestHeader("If-Range") @Parameter(description = "send the range only if the file still has this ETag")
                    String ifRange,
            @Context Request request) {
        Article article = find(id);
        EntityTag etag = new EntityTag(article.sha256);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
        if (unchanged != null) {
            return unchanged.build();
        }
        byte[] content = ArticleOriginal.<ArticleOriginal>findById(article.id).content;
        // a range of another version of the file would be spliced into the wrong bytes: If-Range compares strongly
        ByteRange part =
                ifRange == null || ifRange.equals(etag.toString()) ? ByteRange.of(range, content.length) : null;
        Response.ResponseBuilder answer = part == null
                ? Response.ok(content)
                : Response.status(Response.Status.PARTIAL_CONTENT)
                        .entity(Arrays.copyOfRange(content, (int) part.first(), (int) part.last() + 1))
                        .header("Content-Range", part.contentRange(content.length));
        // never compressed: the strong ETag (the file's SHA-256) and the ranges count the file's own bytes
        return answer.type("text/plain; charset=utf-8")
                .header("Content-Encoding", "identity")
                .tag(etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", ContentDisposition.inline(article.fileName))
                .build();
    }

    private static Article find(String id) {
        return Article.byId(Params.id("id", id));
    }
}
