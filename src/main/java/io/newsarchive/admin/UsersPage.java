package io.newsarchive.admin;

import io.newsarchive.audit.AuditEvent;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogUser;
import io.newsarchive.system.Params;
import io.newsarchive.system.Sessions;
import io.newsarchive.system.SignedIn;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Admins add users, change their role, disable and enable them, and reset their passwords; each change is audited. */
@Path("/admin/users")
@RolesAllowed(CatalogUser.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class UsersPage {


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<CatalogUser> users, List<String> roles, int minPassword,
                                             String csrf);
    }

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.users(CatalogUser.listAll(Sort.by("username")), CatalogUser.ROLES,
                CatalogUser.MIN_PASSWORD_LENGTH, signedIn.csrfToken());
    }

    @POST
    @Transactional
    public Response add(@RestForm String username, @RestForm String role, @RestForm String password,
                        @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        String name = username == null ? "" : username.strip();
        if (!CatalogUser.isValidName(name)) {
            throw ApiError.badParameter("username", "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (CatalogUser.named(name).isPresent()) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "there is already a user " + name, "username");
        }
        CatalogUser user = CatalogUser.add(name, checkPassword(password), checkRole(role));
        audit(user, AuditEvent.USER_ADD).change("role", null, user.role).persist();
        return back();
    }

    @POST
    @Path("/{id}/role")
    @Transactional
    public Response role(@RestPath String id, @RestForm String role, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        CatalogUser user = user(id);
        String newRole = checkRole(role);
        if (!newRole.equals(CatalogUser.ADMIN)) {
            keepAnAdmin(user, "change the role of");
        }
        audit(user, AuditEvent.USER_ROLE).change("role", user.role, newRole).persist();
        user.role = newRole;
        return back();
    }

    @POST
    @Path("/{id}/disable")
    @Transactional
    public Response disable(@RestPath String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        CatalogUser user = user(id);
        keepAnAdmin(user, "disable");
        if (user.enabled()) {
            user.disabledAt = Instant.now();
            audit(user, AuditEvent.USER_DISABLE).persist();
            sessions.closeAll(user.id);
        }
        return back();
    }

    @POST
    @Path("/{id}/enable")
    @Transactional
    public Response enable(@RestPath String id, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        CatalogUser user = user(id);
        if (!user.enabled()) {
            user.disabledAt = null;
            audit(user, AuditEvent.USER_ENABLE).persist();
        }
        return back();
    }

    /** Sets a new password and signs the user out everywhere. */
    @POST
    @Path("/{id}/password")
    @Transactional
    public Response password(@RestPath String id, @RestForm String password, @RestForm String csrf) {
        signedIn.checkCsrf(csrf);
        CatalogUser user = user(id);
        user.setPassword(checkPassword(password));
        audit(user, AuditEvent.USER_PASSWORD).persist();
        sessions.closeAll(user.id);
        return back();
    }

    /**
     * The last enabled admin cannot lose that role, or nobody could manage users any more. {@link #user} has locked
     * the enabled admins, so the count holds until the change commits.
     */
    private static void keepAnAdmin(CatalogUser user, String what) {
        boolean lastAdmin = user.role.equals(CatalogUser.ADMIN) && user.enabled()
                && CatalogUser.count("role = ?1 and disabledAt is null", CatalogUser.ADMIN) == 1;
        if (lastAdmin) {
            throw ApiError.failure(Response.Status.CONFLICT, "conflict", "cannot " + what + " " + user.username
                    + ": they are the only enabled admin; make someone else an admin first", null);
        }
    }

    /** Locks the enabled admins, so that two admins cannot demote or disable each other at once. */
    private static void lockEnabledAdmins() {
        CatalogUser.find("role = ?1 and disabledAt is null order by id", CatalogUser.ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private AuditEvent audit(CatalogUser user, String action) {
        AuditEvent event = AuditEvent.by(signedIn.name(), action, null);
        event.subjectUser = user.username;
        return event;
    }

    private static String checkRole(String role) {
        if (role == null || !CatalogUser.ROLES.contains(role)) {
            throw ApiError.badParameter("role", "role must be one of " + String.join(", ", CatalogUser.ROLES)
                    + ", not \"" + role + "\"");
        }
        return role;
    }

    private static String checkPassword(String password) {
        if (password == null || password.length() < CatalogUser.MIN_PASSWORD_LENGTH) {
            throw ApiError.badParameter("password", "a password has at least " + CatalogUser.MIN_PASSWORD_LENGTH
                    + " characters");
        }
        return password;
    }

    /**
     * The user, locked until the change commits, after the enabled admins: always in that order, so that two
     * changes take turns without deadlock and neither writes back what the other changed.
     */
    private static CatalogUser user(String id) {
        long userId = Params.id("id", id);
        lockEnabledAdmins();
        CatalogUser user = CatalogUser.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiError.notFound("no user " + userId);
        }
        return user;
    }

    private static Response back() {
        return Response.seeOther(URI.create("/admin/users")).build();
    }
}
