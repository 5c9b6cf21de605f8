package io.newsarchive.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A resource of the tests only, whose answer carries a header that HTTP cannot carry. */
@Path("/api/test-only/unsendable-header")
public class UnsendableHeaderResource {

    @GET
    public Response get() {
        return Response.ok("body").header("X-Broken", "line\r\nX-Injected: yes").build();
    }
}
