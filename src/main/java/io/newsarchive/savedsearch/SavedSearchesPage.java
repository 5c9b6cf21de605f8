package io.newsarchive.savedsearch;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.catalog.MatchLinks;
import io.newsarchive.catalog.StatusFilter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A signed-in user's saved searches, of any role: saving one from the catalog page, renaming and deleting. */
@Tag(name = "Pages")
@Path("/saved-searches")
@RolesAllowed(Role.Names.VIEWER)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SavedSearchesPage {

    /**
     * A saved search as the page lists it.
     *
     * @param description its filters in words
     * @param feed        its feed's address, or null when it lists withdrawn articles, which feeds do not
     */
    public record Row(long id, String name, String description, MatchLinks views, String feed, Instant createdAt) {

        static Row of(SavedSearch saved) {
            CatalogFilter filter = SavedSearches.filter(saved);
            return new Row(
                    saved.id,
                    saved.name,
                    filter.describe(),
                    MatchLinks.of(filter),
                    filter.statuses() == StatusFilter.ACTIVE ? SavedSearchFeed.PATH + saved.feedToken : null,
                    saved.createdAt);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> searches, String csrf);
    }

    private final SignedIn signedIn;
    private final SavedSearches searches;

    SavedSearchesPage(SignedIn signedIn, SavedSearches searches) {
        this.signedIn = signedIn;
        this.searches = searches;
    }

    @Operation(summary = "My saved searches, each with its feed")
    @GET
    public TemplateInstance list() {
        return Templates.list(searches.of(signedIn.name()).stream().map(Row::of).toList(), signedIn.csrfToken());
    }

    @Operation(summary = "Saves a search: the catalog's filters as a query string, under a name")
    @POST
    public Response save(@RestForm String name, @RestForm String query, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        SavedSearch saved = searches.save(signedIn.name(), name, query);
        return back("#saved-" + saved.id);
    }

    @Operation(summary = "Renames a saved search")
    @POST
    @Path("/{id}/rename")
    public Response rename(
            @RestPath @Parameter(description = "a saved search's id") String id,
            @RestForm String name,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        searches.rename(signedIn.name(), id, name);
        return back("#saved-" + id);
    }

    @Operation(summary = "Deletes a saved search, and with it its feed")
    @POST
    @Path("/{id}/delete")
    public Response delete(
            @RestPath @Parameter(description = "a saved search's id") String id,
            @RestForm String confirm,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        searches.delete(signedIn.name(), id, confirm);
        return back("");
    }

    private static Response back(String fragment) {
        return Response.seeOther(URI.create("/saved-searches" + fragment)).build();
    }
}
