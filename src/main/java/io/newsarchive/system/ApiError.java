package io.newsarchive.system;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON body of every error answer.
 *
 * @param error     a short code: {@code bad_request}, {@code not_found}, ...
 * @param parameter the request parameter at fault, when there is one
 */
public record ApiError(String error, String message, String parameter) {

    /** A 400 naming the parameter at fault. */
    public static WebApplicationException badParameter(String parameter, String message) {
        return failure(Response.Status.BAD_REQUEST, "bad_request", message, parameter);
    }

    public static WebApplicationException notFound(String message) {
        return failure(Response.Status.NOT_FOUND, "not_found", message, null);
    }

    public static WebApplicationException failure(Response.Status status, String error, String message, String parameter) {
        return new WebApplicationException(message, response(status.getStatusCode(), error, message, parameter));
    }

    static Response response(int status, String error, String message, String parameter) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, message, parameter)).build();
    }
}
