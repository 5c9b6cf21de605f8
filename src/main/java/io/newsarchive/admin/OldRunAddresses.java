package io.newsarchive.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Runs were once "jobs": bookmarks of {@code /admin/jobs/...} lead to {@code /admin/runs/...}. */
@Tag(name = "Admin pages")
@Path("/admin/jobs")
public class OldRunAddresses {

    @Operation(summary = "Old addresses of runs, redirected to /admin/runs")
    @Parameter(name = "rest", in = ParameterIn.PATH, description = "the rest of the old address")
    @APIResponse(responseCode = "301", description = "the run's address now")
    @GET
    @Path("{rest:.*}")
    public Response get(@Context UriInfo uri) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(runs(uri))
                .build();
    }

    private static URI runs(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return URI.create(
                "/admin/runs" + uri.getPath().substring("/admin/jobs".length()) + (query == null ? "" : "?" + query));
    }
}
