package io.newsarchive.system;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Map;

/**
 * A header value that HTTP cannot carry (a line break or another control character) makes the server drop the
 * response and leaves the client waiting for ever: such a response becomes a 500 that says so.
 */
public class UnsendableHeaders {

    private static final Logger LOG = Logger.getLogger(UnsendableHeaders.class);

    @ServerResponseFilter
    public void replace(ContainerResponseContext response, UriInfo uri) {
        for (Map.Entry<String, List<String>> header :
                response.getStringHeaders().entrySet()) {
            if (header.getValue().stream().anyMatch(UnsendableHeaders::unsendable)) {
                LOG.errorf(
                        "the answer to %s had a %s header that HTTP cannot carry; it was answered with a 500",
                        uri.getPath(), header.getKey());
                Response answer = ErrorMappers.answer(
                        uri,
                        500,
                        "internal_error",
                        "the server made an answer it could not send (a " + header.getKey() + " header); see its log",
                        null);
                response.getHeaders().clear();
                response.setStatus(500);
                response.setEntity(answer.getEntity(), null, answer.getMediaType());
                return;
            }
        }
    }

    private static boolean unsendable(String value) {
        return value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }
}
