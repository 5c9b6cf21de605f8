package io.newsarchive.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns credentials into identities: a session cookie's token, or a user name and password (HTTP Basic). An
 * identity holds its role and every role below it, and, for a session, the token its forms must carry.
 */
public final class CatalogIdentities {

    /** The identity attribute holding a session's CSRF token. */
    public static final String CSRF_TOKEN = "csrf-token";
    /** The request attribute holding the client's address, for the sign-in limits. */
    static final String ADDRESS = "client-address";

    private CatalogIdentities() {}

    static SecurityIdentity identity(String username, Role role, String csrfToken) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(role.andBelow());
        if (csrfToken != null) {
            builder.addAttribute(CSRF_TOKEN, csrfToken);
        }
        return builder.build();
    }

    /** A session cookie's token. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String token;

        SessionRequest(String token) {
            this.token = token;
        }
    }

    @ApplicationScoped
    public static class SessionProvider implements IdentityProvider<SessionRequest> {

        @Inject
        Sessions sessions;

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.find(request.token)
                    .map(s -> identity(s.username(), s.role(), s.csrfToken()))
                    .orElseThrow(() -> new AuthenticationFailedException("the session has ended")));
        }
    }

    @ApplicationScoped
    public static class PasswordProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        Accounts accounts;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                Accounts.SignInResult result = accounts.check(
                        request.getUsername(),
                        new String(request.getPassword().getPassword()),
                        request.getAttribute(ADDRESS));
                if (result.user() == null) {
                    throw new AuthenticationFailedException(
                            result.refusal() != null
                                    ? result.refusal()
                                    : "too many failed sign-ins; try again in "
                                            + result.retryAfter().toSeconds() + " s");
                }
                return identity(result.user().username, result.user().role, null);
            });
        }
    }
}
