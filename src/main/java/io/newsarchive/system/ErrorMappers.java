package io.newsarchive.system;

import io.newsarchive.ingest.IngestFailure;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.Locale;

/** Turns every failure into a JSON error body; no stack trace ever reaches a client. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response given = e.getResponse();
        if (given.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(given.getMediaType())) {
            return given;
        }
        int status = given.getStatus();
        String error = Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).name().toLowerCase(Locale.ROOT);
        return ApiError.response(status, error, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response ingestFailure(IngestFailure e) {
        LOG.error(e.getMessage(), e);
        return ApiError.response(503, "unavailable", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response databaseFailure(DatabaseFailure e) {
        LOG.error(e.getMessage(), e);
        return ApiError.response(503, "unavailable", e.getMessage(), null);
    }

    /** Our resources read no stream themselves; an I/O error here is a body that could not be parsed. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        return ApiError.response(400, "bad_request", "the request body could not be read: " + e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return ApiError.response(500, "internal_error", "the server could not answer this request; see its log", null);
    }
}
