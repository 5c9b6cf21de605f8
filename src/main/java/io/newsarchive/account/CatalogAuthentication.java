package io.newsarchive.account;

import io.newsarchive.system.ApiError;
import io.newsarchive.system.Href;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Who is asking: browsers by their session cookie (see {@link SignInPage}), scripts by HTTP Basic. The API takes a
 * session cookie for reading only, since its writes carry no form token, and refuses writes that a browser says come
 * from another site (whatever credentials the browser adds to them). Without valid credentials a request is
 * anonymous; when it needs more, a browser asking for a page, or sending a form after its session ended, is sent to
 * the sign-in form, and everything else gets a 401.
 */
@ApplicationScoped
public class CatalogAuthentication implements HttpAuthenticationMechanism {

    private static final String BASIC = "basic ";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (foreignApiWrite(context)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("an API write from another site"));
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return basic(authorization.substring(BASIC.length()).trim(), context, identities);
        }
        Cookie session = context.request().getCookie(Sessions.COOKIE);
        if (session != null && (!api(context) || SAFE.contains(context.request().method()))) {
            // an ended session leaves the browser anonymous, so public pages still show
            return identities
                    .authenticate(new CatalogIdentities.SessionRequest(session.getValue()))
                    .onFailure(AuthenticationFailedException.class)
                    .recoverWithNull();
        }
        return Uni.createFrom().nullItem();
    }

    private static Uni<SecurityIdentity> basic(
            String encoded, RoutingContext context, IdentityProviderManager identities) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the Basic credentials are not Base64"));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the Basic credentials lack a ':'"));
        }
        UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(
                decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
        request.setAttribute(
                CatalogIdentities.ADDRESS, context.request().remoteAddress().hostAddress());
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (foreignApiWrite(context)) {
            return Uni.createFrom().item(new ChallengeData(403, null, null));
        }
        HttpServerRequest request = context.request();
        boolean browser = !api(context) && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
        if (browser && request.method() == HttpMethod.GET) {
            return signIn(302, request.uri());
        }
        if (browser && request.getCookie(Sessions.COOKIE) != null) {
            // a form sent after its session ended: sign in again, then back to the page it was sent from
            return signIn(303, sameSitePage(request));
        }
        // a browser shown a Basic prompt would go on sending Basic credentials, which carry no form token
        return Uni.createFrom()
                .item(new ChallengeData(
                        401, "WWW-Authenticate", (browser ? "Session" : "Basic") + " realm=\"catalog\""));
    }

    private static Uni<ChallengeData> signIn(int status, String next) {
        return Uni.createFrom()
                .item(new ChallengeData(
                        status,
                        HttpHeaders.LOCATION,
                        Href.of("/signin").plus("next", next).toString()));
    }

    /** The page of this site a request came from, by its Referer, or null. */
    private static String sameSitePage(HttpServerRequest request) {
        URI from = ofThisSite(request.getHeader(HttpHeaders.REFERER), request);
        return from == null ? null : from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
    }

    /** The address as a URI if it names this site (the host the request was sent to), else null. */
    private static URI ofThisSite(String address, HttpServerRequest request) {
        try {
            URI uri = address == null ? null : new URI(address);
            return uri != null
                            && uri.getRawAuthority() != null
                            && uri.getRawAuthority().equals(request.getHeader(HttpHeaders.HOST))
                    ? uri
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A state-changing API request that a browser sends for a page of another site (scripts send no such headers). */
    private static boolean foreignApiWrite(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!api(context) || SAFE.contains(request.method())) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && ofThisSite(origin, request) == null;
    }

    private static boolean api(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/");
    }

    /** As the default, but the API's refusals carry the JSON error body that all its other errors carry. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return getChallenge(context).map(challenge -> {
            HttpServerResponse response = context.response();
            response.setStatusCode(challenge.status);
            challenge.getHeaders().forEach(response.headers()::set);
            ApiError body = apiRefusal(context, challenge);
            if (body != null) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
                response.end(Json.encode(body));
            }
            return true;
        });
    }

    /** The same answer for a resource that needs a role the anonymous caller lacks. */
    Uni<Response> challenge(RoutingContext context) {
        return getChallenge(context).map(challenge -> {
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            ApiError body = apiRefusal(context, challenge);
            return body == null
                    ? response.build()
                    : response.type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(body)
                            .build();
        });
    }

    private static ApiError apiRefusal(RoutingContext context, ChallengeData challenge) {
        if (!api(context) || challenge.status < 400) {
            return null;
        }
        return challenge.status == 403
                ? new ApiError(
                        "forbidden", "an API write that a browser sends for a page of another site is refused", null)
                : new ApiError(
                        "unauthorized",
                        "this needs you to sign in: send the user name and password of an account"
                                + " with HTTP Basic (a wrong password, or one sent while sign-ins are paused, gets this answer too)",
                        null);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, CatalogIdentities.SessionRequest.class);
    }
}
