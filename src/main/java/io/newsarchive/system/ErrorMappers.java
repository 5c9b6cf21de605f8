package io.newsarchive.system;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;
import java.util.Locale;

/**
 * Turns every failure into an error answer that says what went wrong: a JSON body under {@code /api}, an error
 * page elsewhere. No stack trace ever reaches a client.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    CatalogConfig config;

    @Inject
    CurrentIdentityAssociation identity;

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
    MemorySize formFieldLimit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String parameter);
    }

    @ServerExceptionMapper
    public Response failure(ApiError.Failure e, UriInfo uri) {
        return answer(uri, e.status, e.body.error(), e.body.message(), e.body.parameter());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response given = e.getResponse();
        int status = given.getStatus();
        // a redirect is no failure: its Location must reach the client as it is
        if (given.getStatusInfo().getFamily() == Response.Status.Family.REDIRECTION) {
            return given;
        }
        if (status == 413) {
            return answer(
                    uri,
                    413,
                    "too_large",
                    "this request is larger than the catalog reads (a form field holds"
                            + " at most " + formFieldLimit.asLongValue() / 1024
                            + " KB once encoded); nothing was saved. Go"
                            + " back, where your browser still holds what you typed, and shorten the longest field",
                    null);
        }
        String error = Response.Status.fromStatusCode(status) == null
                ? "error"
                : Response.Status.fromStatusCode(status).name().toLowerCase(Locale.ROOT);
        // the catalog's own "not found" is an ApiError: this one is the framework's, for an address nothing answers
        String message = e instanceof NotFoundException
                ? "nothing is at " + uri.getPath() + ": the address may be mistyped, or from an older version of the"
                        + " catalog"
                : e.getMessage();
        // headers the answer needs stay: a 416's Content-Range, a 405's Allow
        Response.ResponseBuilder answer = Response.fromResponse(answer(uri, status, error, message, null));
        given.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    /** The database's own words stay in the log: they can quote the statement and its values. */
    @ServerExceptionMapper
    public Response databaseFailure(DatabaseFailure e, UriInfo uri) {
        LOG.error(e.getMessage(), e);
        if (Context.isOnEventLoopThread()) {
            // the sign-in itself could not be checked, so the error page shows nobody signed in
            identity.setIdentity(
                    QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        }
        return answer(
                uri,
                503,
                "unavailable",
                "the catalog database could not answer; try again in a moment (the" + " server's log says why)",
                null);
    }

    /** Two people saved the same article at the same moment (a form made from an old revision is caught before). */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        LOG.info("a concurrent change was refused: " + e.getMessage());
        return answer(
                uri,
                409,
                "conflict",
                "someone else changed this at the same moment; nothing of yours was"
                        + " saved: reload the page and try again",
                null);
    }

    /** Our resources read no stream themselves; an I/O error here is a body that could not be parsed. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri) {
        return answer(uri, 400, "bad_request", "the request body could not be read: " + e.getMessage(), null);
    }

    /** Quarkus REST's multipart parser says no more than this; a file name with a line break is the usual cause. */
    @ServerExceptionMapper
    public Response malformedForm(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return answer(
                uri,
                400,
                "bad_request",
                "the multipart form is malformed: a part's headers could not be read"
                        + " (a file name with a line break or another control character does this); rename the file",
                "file");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        // Quarkus REST 3.33 refuses a form of more than quarkus.http.limits.max-parameters parts so, and only so
        // (both messages matched by prefix here are pinned: RunsPageTest and IngestResourceTest)
        if (e.getMessage() != null && e.getMessage().startsWith("Param limit of")) {
            return answer(
                    uri,
                    413,
                    "too_large",
                    "this upload has too many files; at most "
                            + config.uploads().maxFiles() + " are taken at once: put them in a zip",
                    "file");
        }
        // and a form part with a Content-Type it cannot read so
        if (e instanceof IllegalArgumentException
                && e.getMessage() != null
                && e.getMessage().startsWith("Failed to parse media type")) {
            return answer(
                    uri,
                    400,
                    "bad_request",
                    "a part of this form has a Content-Type that is no media type: "
                            + e.getMessage()
                                    .substring("Failed to parse media type".length())
                                    .trim(),
                    null);
        }
        // a read through Hibernate on a connection the database closed, or with none to be had
        if (DatabaseFailure.isOutage(e)) {
            return databaseFailure(new DatabaseFailure(e), uri);
        }
        LOG.error("unexpected error", e);
        return answer(uri, 500, "internal_error", "the server could not answer this request; see its log", null);
    }

    /** An error answer: the JSON error under {@code /api} and {@code /q}, the error page elsewhere. */
    public static Response answer(UriInfo uri, int status, String error, String message, String parameter) {
        return answer(uri.getPath(), status, error, message, parameter);
    }

    /** The same for a path as sent, which an address that cannot be decoded still has. */
    static Response answer(String path, int status, String error, String message, String parameter) {
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return ApiError.response(status, error, message, parameter);
        }
        String title = switch (status) {
            case 400 -> "This address has a mistake";
            case 403 -> "Not allowed";
            case 414 -> "This address is too long";
            case 404 -> "Not found";
            case 409 -> "Changed by someone else";
            case 413 -> "Too large";
            case 503 -> "The catalog is unavailable";
            default -> "Something went wrong";
        };
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message, parameter))
                .build();
    }
}
