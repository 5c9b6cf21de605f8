package io.newsarchive.account;

import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Params;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/**
 * Adding users, changing their role, disabling and enabling them, and setting their password; each change is
 * audited with the admin who made it. The enabled admins are locked before the user, so that two admins cannot
 * demote or disable each other at once and leave nobody to manage users.
 */
@ApplicationScoped
public class UserAccounts {

    @Inject
    Sessions sessions;

    /** Every user, by name. */
    @Transactional
    public List<CatalogUser> list() {
        return CatalogUser.listAll(Sort.by("username"));
    }

    @Transactional
    public void add(String username, String role, String password, String by) {
        if (!CatalogUser.isValidName(username)) {
            throw ApiError.badParameter("username", "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (CatalogUser.named(username).isPresent()) {
            throw ApiError.failure(
                    Response.Status.CONFLICT, "conflict", "there is already a user " + username, "username");
        }
        CatalogUser user = CatalogUser.add(username, checkPassword(password), checkRole(role));
        audit(user, AuditAction.USER_ADD, by).change("role", null, user.role).persist();
    }

    @Transactional
    public void changeRole(long id, String role, String by) {
        CatalogUser user = lockedUser(id);
        Role newRole = checkRole(role);
        if (newRole != Role.ADMIN) {
            keepAnAdmin(user, "change the role of");
        }
        audit(user, AuditAction.USER_ROLE, by)
                .change("role", user.role, newRole)
                .persist();
        user.role = newRole;
    }

    /** Signs the user out everywhere. */
    @Transactional
    public void disable(long id, String by) {
        CatalogUser user = lockedUser(id);
        keepAnAdmin(user, "disable");
        if (user.enabled()) {
            user.disabledAt = Instant.now();
            audit(user, AuditAction.USER_DISABLE, by).persist();
            sessions.closeAll(user.id);
        }
    }

    @Transactional
    public void enable(long id, String by) {
        CatalogUser user = lockedUser(id);
        if (!user.enabled()) {
            user.disabledAt = null;
            audit(user, AuditAction.USER_ENABLE, by).persist();
        }
    }

    /** Sets a new password and signs the user out everywhere. */
    @Transactional
    public void setPassword(long id, String password, String by) {
        CatalogUser user = lockedUser(id);
        user.setPassword(checkPassword(password));
        audit(user, AuditAction.USER_PASSWORD, by).persist();
        sessions.closeAll(user.id);
    }

    /**
     * The last enabled admin cannot lose that role, or nobody could manage users any more. {@link #lockedUser} has
     * locked the enabled admins, so the count holds until the change commits.
     */
    private static void keepAnAdmin(CatalogUser user, String what) {
        boolean lastAdmin = user.role == Role.ADMIN
                && user.enabled()
                && CatalogUser.count("role = ?1 and disabledAt is null", Role.ADMIN) == 1;
        if (lastAdmin) {
            throw ApiError.failure(
                    Response.Status.CONFLICT,
                    "conflict",
                    "cannot " + what + " " + user.username
                            + ": they are the only enabled admin; make someone else an admin first",
                    null);
        }
    }

    /**
     * The user, locked until the change commits, after the enabled admins: always in that order, so that two
     * changes take turns without deadlock and neither writes back what the other changed.
     */
    private static CatalogUser lockedUser(long id) {
        CatalogUser.find("role = ?1 and disabledAt is null order by id", Role.ADMIN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        CatalogUser user = CatalogUser.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiError.notFound("no user " + id);
        }
        return user;
    }

    private static AuditEvent audit(CatalogUser user, AuditAction action, String by) {
        AuditEvent event = AuditEvent.by(by, action, null);
        event.subjectUser = user.username;
        return event;
    }

    private static Role checkRole(String role) {
        return Params.oneOf("role", role, Role.values());
    }

    private static String checkPassword(String password) {
        if (password == null || password.length() < CatalogUser.MIN_PASSWORD_LENGTH) {
            throw ApiError.badParameter(
                    "password", "a password has at least " + CatalogUser.MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }
}
