package io.newsarchive.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page asked for as JSON ({@code Accept: application/json}, without HTML) answers with a redirect (303) to its JSON
 * twin, with the same parameters: the catalog page to {@code /api/articles}, an article's page to
 * {@code /api/articles/{id}}, the sources to {@code /api/sources}, the source collections to {@code /api/collections},
 * top words and coverage to {@code /api/words} and {@code /api/coverage}, a comparison of queries to
 * {@code /api/compare}, a passage to {@code /api/passages/{id}}, who copies whom to {@code /api/reuse/source-pairs}.
 */
public class JsonTwins {

    /** A page's path, and where its twin is ({@code $1} is the page's own part, such as an id). */
    private record Twin(Pattern page, String api) {}

    private static final Twin[] TWINS = {
        new Twin(Pattern.compile("/"), "/api/articles"),
        new Twin(Pattern.compile("/articles/([^/]+)"), "/api/articles/$1"),
        new Twin(Pattern.compile("/sources"), "/api/sources"),
        new Twin(Pattern.compile("/sources/([^/]+)"), "/api/sources/$1"),
        new Twin(Pattern.compile("/collections"), "/api/collections"),
        new Twin(Pattern.compile("/words"), "/api/words"),
        new Twin(Pattern.compile("/coverage"), "/api/coverage"),
        new Twin(Pattern.compile("/compare"), "/api/compare"),
        new Twin(Pattern.compile("/passages/([^/]+)"), "/api/passages/$1"),
        new Twin(Pattern.compile("/source-pairs"), "/api/reuse/source-pairs")
    };

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> redirect(ContainerRequestContext request) {
        String accept = request.getHeaderString("Accept");
        if (!request.getMethod().equals("GET")
                || accept == null
                || !accept.contains("application/json")
                || accept.contains("text/html")) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        for (Twin twin : TWINS) {
            Matcher page = twin.page().matcher(path);
            if (page.matches()) {
                String query = request.getUriInfo().getRequestUri().getRawQuery();
                return Optional.of(Response.seeOther(
                                URI.create(page.replaceFirst(twin.api()) + (query == null ? "" : "?" + query)))
                        .build());
            }
        }
        return Optional.empty();
    }
}
