package io.newsarchive.system;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses an address that is no URL, or longer than the catalog reads, before anything decodes it, with the usual
 * error answer. Quarkus's own check, which answers a bare 400, is turned off for this ({@code
 * vertx.disableURIValidation}, set by {@code Main} and the test runs).
 */
public class AddressCheck {

    /** Longer addresses are no search anyone typed; the HTTP server itself reads request lines of up to 2 MB. */
    static final int MAX_ADDRESS_CHARS = 16 * 1024;

    /** The error answer for an address that is no URL or too long, else null to go on. */
    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        String address = request.uri();
        if (address.length() > MAX_ADDRESS_CHARS) {
            return ErrorMappers.answer(
                    request.path(),
                    414,
                    "too_long",
                    "this address is "
                            + address.length() / 1024 + " KB long; the catalog reads addresses of up to "
                            + MAX_ADDRESS_CHARS / 1024 + " KB: search for fewer words",
                    null);
        }
        try {
            new URI(address);
            return null;
        } catch (URISyntaxException e) {
            return ErrorMappers.answer(
                    request.path(),
                    400,
                    "bad_address",
                    "this address is no URL (" + e.getReason() + " at character " + e.getIndex() + "): "
                            + abbreviated(address),
                    null);
        }
    }

    private static String abbreviated(String address) {
        return address.length() <= 200 ? address : address.substring(0, 200) + "…";
    }
}
