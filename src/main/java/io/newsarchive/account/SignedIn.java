package io.newsarchive.account;

import io.newsarchive.system.ApiError;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Who made the current request, for resources and (as {@code inject:signedIn}) for templates. */
@RequestScoped
@Named("signedIn")
public class SignedIn {

    @Inject
    SecurityIdentity identity;

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** The highest role held; null when anonymous. */
    public Role role() {
        Role highest = null;
        for (Role role : Role.values()) {
            if (identity.hasRole(role.toString())) {
                highest = role;
            }
        }
        return highest;
    }

    public boolean archivist() {
        return identity.hasRole(Role.Names.ARCHIVIST);
    }

    public boolean admin() {
        return identity.hasRole(Role.Names.ADMIN);
    }

    /** The token this browser's forms carry; empty without a session. */
    public String csrfToken() {
        String token = identity.getAttribute(CatalogIdentities.CSRF_TOKEN);
        return token == null ? "" : token;
    }

    /**
     * Refuses a form that does not carry this session's token: it was not sent by a page of this site, or was
     * rendered for an earlier session.
     */
    public void checkCsrf(String given) {
        String expected = csrfToken();
        if (expected.isEmpty()
                || given == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiError.failure(
                    Response.Status.FORBIDDEN,
                    "csrf",
                    "this form was not sent from a page of this"
                            + " signed-in session (it may have been open since before you signed in again): reload the page"
                            + " and send it again",
                    "csrf");
        }
    }
}
