package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.CollectionStats;
import io.newsarchive.catalog.SourceCollections;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.List;

/**
 * Archivists make source collections, rename and describe them, add and remove their sources, and delete them;
 * {@link SourceCollections} decides and audits.
 */
@Tag(name = "Admin pages")
@Path("/admin/collections")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CollectionsAdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collections(List<CollectionStats> collections, String csrf);

        static native TemplateInstance collection(CollectionStats collection, String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    SourceCollections collections;

    @Operation(summary = "The source collections, to manage")
    @GET
    public TemplateInstance list() {
        return Templates.collections(collections.all(), signedIn.csrfToken());
    }

    @Operation(summary = "Makes a source collection")
    @POST
    public Response add(
            @RestForm String name, @RestForm String description, @RestForm String sources, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        return shown(collections.add(name, description, sources, signedIn.name()));
    }

    @Operation(summary = "One source collection, to manage")
    @GET
    @Path("/{slug}")
    public TemplateInstance show(@RestPath @Parameter(description = "the collection's slug") String slug) {
        return Templates.collection(collections.get(slug), signedIn.csrfToken());
    }

    @Operation(summary = "Renames a source collection and sets its description")
    @POST
    @Path("/{slug}")
    public Response edit(
            @RestPath @Parameter(description = "the collection's slug") String slug,
            @RestForm String name,
            @RestForm String description,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        collections.edit(slug, name, description, signedIn.name());
        return shown(slug);
    }

    @Operation(summary = "Adds sources to a source collection")
    @POST
    @Path("/{slug}/sources")
    public Response addSources(
            @RestPath @Parameter(description = "the collection's slug") String slug,
            @RestForm String sources,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        collections.addSources(slug, sources, signedIn.name());
        return shown(slug);
    }

    @Operation(summary = "Takes a source out of a source collection")
    @POST
    @Path("/{slug}/sources/remove")
    public Response removeSource(
            @RestPath @Parameter(description = "the collection's slug") String slug,
            @RestForm String host,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        collections.removeSource(slug, host, signedIn.name());
        return shown(slug);
    }

    @Operation(summary = "Deletes a source collection")
    @POST
    @Path("/{slug}/delete")
    public Response delete(
            @RestPath @Parameter(description = "the collection's slug") String slug,
            @RestForm String confirm,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        collections.delete(slug, confirm, signedIn.name());
        return Response.seeOther(URI.create("/admin/collections")).build();
    }

    private static Response shown(String slug) {
        return Response.seeOther(URI.create("/admin/collections/" + slug)).build();
    }
}
