package io.newsarchive.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON body of every error answer.
 *
 * @param error     a short code: {@code bad_request}, {@code not_found}, ...
 * @param parameter the request parameter at fault, when there is one
 */
public record ApiError(String error, String message, String parameter) {

    /** A failure a resource reports; {@link ErrorMappers} answers it as JSON or as an error page. */
    public static class Failure extends RuntimeException {

        final int status;
        final ApiError body;

        Failure(int status, ApiError body) {
            super(body.message(), null, false, false);
            this.status = status;
            this.body = body;
        }

        /** The HTTP status it is answered with. */
        public int status() {
            return status;
        }

        /** What it says: its code, message and parameter. */
        public ApiError body() {
            return body;
        }
    }

    /** A 400 naming the parameter at fault. */
    public static Failure badParameter(String parameter, String message) {
        return failure(Response.Status.BAD_REQUEST, "bad_request", message, parameter);
    }

    public static Failure notFound(String message) {
        return failure(Response.Status.NOT_FOUND, "not_found", message, null);
    }

    public static Failure failure(Response.Status status, String error, String message, String parameter) {
        return new Failure(status.getStatusCode(), new ApiError(error, message, parameter));
    }

    static Response response(int status, String error, String message, String parameter) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, message, parameter))
                .build();
    }
}
