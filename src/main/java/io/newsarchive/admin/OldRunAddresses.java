package io.newsarchive.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** Runs were once "jobs": bookmarks of {@code /admin/jobs/...} lead to {@code /admin/runs/...}. */
@Path("/admin/jobs")
public class OldRunAddresses {

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
