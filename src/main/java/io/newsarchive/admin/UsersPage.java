package io.newsarchive.admin;

import io.newsarchive.account.CatalogUser;
import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.account.UserAccounts;
import io.newsarchive.system.Params;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.List;

/**
 * Admins add users, change their role, disable and enable them, and reset their passwords; {@link UserAccounts}
 * decides.
 */
@Tag(name = "Admin pages")
@Path("/admin/users")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class UsersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<CatalogUser> users, List<Role> roles, int minPassword, String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    UserAccounts accounts;

    @Operation(summary = "The users")
    @GET
    public TemplateInstance list() {
        return Templates.users(
                accounts.list(), List.of(Role.values()), CatalogUser.MIN_PASSWORD_LENGTH, signedIn.csrfToken());
    }

    @Operation(summary = "Adds a user")
    @POST
    public Response add(
            @RestForm String username,
            @RestForm @Schema(enumeration = {"viewer", "archivist", "admin"}) String role,
            @RestForm String password,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        accounts.add(username == null ? "" : username.strip(), role, password, signedIn.name());
        return back();
    }

    @Operation(summary = "Changes a user's role")
    @POST
    @Path("/{id}/role")
    public Response role(
            @RestPath @Parameter(description = "a user's id") String id,
            @RestForm @Schema(enumeration = {"viewer", "archivist", "admin"}) String role,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        accounts.changeRole(Params.id("id", id), role, signedIn.name());
        return back();
    }

    @Operation(summary = "Disables a user")
    @POST
    @Path("/{id}/disable")
    public Response disable(@RestPath @Parameter(description = "a user's id") String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        accounts.disable(Params.id("id", id), signedIn.name());
        return back();
    }

    @Operation(summary = "Enables a user")
    @POST
    @Path("/{id}/enable")
    public Response enable(@RestPath @Parameter(description = "a user's id") String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        accounts.enable(Params.id("id", id), signedIn.name());
        return back();
    }

    @Operation(summary = "Sets a user's password")
    @POST
    @Path("/{id}/password")
    public Response password(
            @RestPath @Parameter(description = "a user's id") String id,
            @RestForm String password,
            @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        accounts.setPassword(Params.id("id", id), password, signedIn.name());
        return back();
    }

    private static Response back() {
        return Response.seeOther(URI.create("/admin/users")).build();
    }
}
