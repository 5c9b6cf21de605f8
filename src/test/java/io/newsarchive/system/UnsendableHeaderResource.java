package io.newsarchive.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A resource of the tests only, whose answer carries a header that HTTP cannot carry. */
@Path("/api/test-only/unsendable-header")
public class UnsendableHeaderResource {

    @GET
    @Operation(hidden = true)
    public Response get() {
        return Response.ok("body").header("X-Broken", "line\r\nX-Injected: yes").build();
    }
}
