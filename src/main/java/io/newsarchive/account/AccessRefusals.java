package io.newsarchive.account;

import io.newsarchive.system.ErrorMappers;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The answers to a caller who may not do what they asked, in the shape of every other error answer. */
public class AccessRefusals {

    @Inject
    SignedIn signedIn;

    @Inject
    CatalogAuthentication authentication;

    /** An anonymous caller of a resource that needs a role: the same challenge as when signing in fails. */
    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
        return authentication.challenge(context);
    }

    /** A signed-in user whose role is too small (an anonymous one is asked to sign in instead). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String who = signedIn.anonymous()
                ? "you are not signed in"
                : "you are signed in as " + signedIn.name() + ", whose role is " + signedIn.role();
        return ErrorMappers.answer(uri, 403, "forbidden", who + ", and this needs a higher role", null);
    }
}
