package io.newsarchive.ingest;

import io.newsarchive.system.ErrorMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a run that could not go on; its reason can be the database's own words, so it goes to the log and the run. */
public class IngestFailureMapper {

    private static final Logger LOG = Logger.getLogger(IngestFailureMapper.class);

    @ServerExceptionMapper
    public Response ingestFailure(IngestFailure e, UriInfo uri) {
        LOG.error(e.getMessage(), e);
        return ErrorMappers.answer(
                uri,
                503,
                "unavailable",
                "the ingest could not go on; files stored before that stay"
                        + " stored, and the list of ingest runs shows the run with its error (the server's log says more)",
                null);
    }
}
