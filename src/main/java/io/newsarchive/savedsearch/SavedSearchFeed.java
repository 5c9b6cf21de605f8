package io.newsarchive.savedsearch;

import io.newsarchive.catalog.ArticleFeed;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.catalog.StatusFilter;
import io.newsarchive.system.ApiError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /feeds/{token}}: the Atom feed of a saved search, as {@code /api/feed} gives it for the search's
 * filters. Feed readers have no session, so the address itself is the credential: a random token only the search's
 * user is shown. It is open even when anonymous browsing is off (the user chose to hand it to their reader), lists
 * only public articles, and is gone once the search is deleted or its user disabled.
 */
@Tag(name = "Harvesting")
@Path(SavedSearchFeed.PATH + "{token}")
public class SavedSearchFeed {

    static final String PATH = "/feeds/";

    private final SavedSearches searches;
    private final ArticleFeed feeds;

    SavedSearchFeed(SavedSearches searches, ArticleFeed feeds) {
        this.searches = searches;
        this.feeds = feeds;
    }

    @Operation(summary = "The Atom feed of a saved search: its newest public articles")
    @APIResponse(
            responseCode = "200",
            description = "at most 50 entries, newest published first",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "no saved search has this feed (any more)")
    @GET
    public Response feed(
            @RestPath @Parameter(description = "the feed's token, as its saved search shows it") String token,
            @Context UriInfo uri) {
        SavedSearch saved = searches.byFeedToken(token)
                .orElseThrow(() -> ApiError.notFound("no saved search has this feed; it may have been deleted"));
        CatalogFilter filter = SavedSearches.filter(saved);
        if (filter.statuses() != StatusFilter.ACTIVE) {
            throw ApiError.notFound("this saved search lists withdrawn articles, and feeds list public ones only");
        }
        return feeds.atom(filter, PATH + token, saved.name, uri);
    }
}
