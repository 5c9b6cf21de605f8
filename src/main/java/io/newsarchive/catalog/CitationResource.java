package io.newsarchive.catalog;

import io.newsarchive.corpus.ArticleUrl;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.Params;
import io.newsarchive.system.PublicAddress;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;

/**
 * {@code GET /cite?url=}: the citation address of the latest public version of an article's URL. It answers 303 to
 * that version's page, {@code /articles/{id}}, which is the citation address of that one version. The URL is
 * normalized as ingest normalizes it, so every spelling that ingest stores as the same article finds it.
 */
@Tag(name = "Catalog")
@Path("/cite")
public class CitationResource {

    private final CatalogConfig config;

    CitationResource(CatalogConfig config) {
        this.config = config;
    }

    @Operation(summary = "The citation address of the latest public version of a URL")
    @APIResponse(responseCode = "303", description = "to the page of the latest public version, /articles/{id}")
    @APIResponse(responseCode = "404", description = "the catalog holds no public version of the URL")
    @GET
    @Transactional
    public Response latest(
            @RestQuery
                    @Parameter(
                            description = "the address the article was published at, URL-encoded",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, format = "uri"))
                    String url,
            @Context UriInfo uri) {
        String given = Params.text("url", url);
        if (given == null) {
            throw ApiError.badParameter("url", "url is missing: give the address the article was published at");
        }
        String normalized;
        try {
            normalized = ArticleUrl.parse(given, config.ingest().maxUrlBytes()).normalizedUrl();
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("url", "url " + e.getMessage());
        }
        // a withdrawn article has no public version, so it is not found either
        Article latest = Article.<Article>find(
                        "normalizedUrl = ?1 and latest and status = ?2", normalized, ArticleStatus.ACTIVE)
                .firstResult();
        if (latest == null) {
            throw ApiError.notFound("the catalog holds no public article of " + given
                    + (given.equals(normalized) ? "" : " (normalized: " + normalized + ")"));
        }
        return Response.seeOther(URI.create(PublicAddress.of(config, uri) + "/articles/" + latest.id))
                .build();
    }
}
