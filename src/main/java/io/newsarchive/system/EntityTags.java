package io.newsarchive.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every GET answer held in memory (a page, JSON, XML, text) a weak ETag, a hash of its bytes, and answers 304
 * Not Modified to an {@code If-None-Match} that names it, by weak comparison (RFC 9110, 13.1.2): a client that checks
 * a listing or a page again downloads it only when it changed. Streams (exports, zips) are left alone, and so are
 * answers that set their own tag (an original's is its SHA-256).
 */
public class EntityTags {

    /** An entity tag in a header: its weakness is ignored when comparing weakly. */
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"");

    private final ObjectMapper json;

    EntityTags(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String method = request.getMethod();
        if (!(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))
                || response.getStatus() != Response.Status.OK.getStatusCode()
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        byte[] body = bytes(response.getEntity(), response.getMediaType());
        if (body == null) {
            return;
        }
        String tag = Hashing.sha256().hashBytes(body).toString().substring(0, 32);
        response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(tag, true));
        if (named(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            response.setEntity(body, null, response.getMediaType());
        }
    }

    /**
     * The answer's bytes as they will be sent, or null for anything else: a stream (an export, a run's report), which
     * is not held in memory. Pages arrive rendered; JSON answers are records or lists of them, written here by the
     * same mapper the REST layer uses (none has a view or a serialization of its own).
     */
    private byte[] bytes(Object entity, MediaType type) throws IOException {
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        } else if (entity instanceof byte[] bytes) {
            return bytes;
        } else if ((entity instanceof Record || entity instanceof Collection<?>)
                && type != null
                && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return json.writeValueAsBytes(entity);
        }
        return null;
    }

    /** Whether {@code If-None-Match} names the tag: {@code *}, or any tag of its list, weak or strong. */
    static boolean named(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        Matcher given = TAG.matcher(ifNoneMatch);
        while (given.find()) {
            if (given.group(1).equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
