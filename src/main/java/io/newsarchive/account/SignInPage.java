package io.newsarchive.account;

import io.newsarchive.system.CatalogConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Signing in and out in a browser. The sign-in form is protected against cross-site posts by a token that must
 * match a cookie only this site can set; signing in opens a session ({@link Sessions}) held in an HttpOnly cookie.
 */
@Tag(name = "Account")
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private static final String FORM_COOKIE = "catalog_signin";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(String next, String username, String formToken, String problem);
    }

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    SignedIn signedIn;

    @Inject
    CatalogConfig config;

    @Operation(summary = "The sign-in form")
    @APIResponse(
            responseCode = "200",
            description = "the form; a signed-in user is sent on to the page asked for",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/signin")
    public Response form(
            @RestQuery @Parameter(description = "the page to go to after signing in (a path of this site)") String next,
            UriInfo uri) {
        return page(Response.Status.OK, safeNext(next), "", null, uri);
    }

    @Operation(summary = "Signs in")
    @POST
    @Path("/signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @RestForm String username,
            @RestForm String password,
            @RestForm String next,
            @RestForm("form_token") String formToken,
            @RestCookie(FORM_COOKIE) @Parameter(description = "the sign-in form's token, set with the form")
                    String cookieToken,
            HttpServerRequest request,
            UriInfo uri) {
        String user = username == null ? "" : username.trim();
        String target = safeNext(next);
        if (cookieToken == null
                || formToken == null
                || !MessageDigest.isEqual(
                        cookieToken.getBytes(StandardCharsets.US_ASCII),
                        formToken.getBytes(StandardCharsets.US_ASCII))) {
            return page(
                    Response.Status.FORBIDDEN,
                    target,
                    user,
                    "This form was not sent from this site's sign-in page, or it had expired. Please try again.",
                    uri);
        }
        if (user.isEmpty() || password == null || password.isEmpty()) {
            return page(Response.Status.BAD_REQUEST, target, user, "Enter your user name and your password.", uri);
        }
        Accounts.SignInResult result =
                accounts.check(user, password, request.remoteAddress().hostAddress());
        if (result.retryAfter() != null) {
            return page(
                    Response.Status.TOO_MANY_REQUESTS,
                    target,
                    user,
                    "Too many failed sign-ins from this address" + " (for this user name, or for any). Try again in "
                            + wait(result.retryAfter()) + ".",
                    uri);
        }
        if (result.user() == null) {
            return page(Response.Status.UNAUTHORIZED, target, user, capitalized(result.refusal()) + ".", uri);
        }
        String token = sessions.open(result.user().id);
        boolean mayAdminister = result.user().role.includes(Role.ARCHIVIST);
        String landing = target != null ? target : mayAdminister ? "/admin" : "/";
        return Response.seeOther(URI.create(landing))
                .cookie(
                        cookie(Sessions.COOKIE, token, "/", config.signIn().sessionLifetime(), uri),
                        cookie(FORM_COOKIE, "", "/signin", Duration.ZERO, uri))
                .build();
    }

    @Operation(summary = "Signs out")
    @POST
    @Path("/signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(
            @RestForm String csrf,
            @RestCookie(Sessions.COOKIE) @Parameter(description = "the session") String session,
            UriInfo uri) {
        if (session != null && !signedIn.anonymous()) {
            signedIn.checkCsrf(csrf);
            sessions.close(session);
        }
        return Response.seeOther(URI.create("/"))
                .cookie(cookie(Sessions.COOKIE, "", "/", Duration.ZERO, uri))
                .build();
    }

    private Response page(Response.Status status, String next, String username, String problem, UriInfo uri) {
        String formToken = Sessions.randomToken();
        return Response.status(status)
                .entity(Templates.signin(next == null ? "" : next, username, formToken, problem))
                .cookie(cookie(FORM_COOKIE, formToken, "/signin", Duration.ofHours(1), uri))
                .build();
    }

    /** Cookies a script cannot read, not sent along with other sites' requests, and only over HTTPS when served so. */
    private static NewCookie cookie(String name, String value, String path, Duration maxAge, UriInfo uri) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge((int) maxAge.toSeconds())
                .httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .version(Cookie.DEFAULT_VERSION)
                .build();
    }

    /**
     * Only a path of this site: never another site, which would make the form an open redirect, and nothing that is
     * not a valid URI reference, which could not be sent as a redirect.
     */
    private static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.startsWith("/signin")) {
            return null;
        }
        try {
            new URI(next);
            return next;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String wait(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds == 1 ? "a second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
