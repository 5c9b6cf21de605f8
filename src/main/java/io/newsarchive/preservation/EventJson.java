package io.newsarchive.preservation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A preservation event as the API writes it, in PREMIS's terms; fields that do not apply are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventJson(
        long id,
        EventType eventType,
        Instant dateTime,
        EventOutcome outcome,
        String outcomeDetail,
        String agent,
        Long articleId,
        Long runId,
        String identifier,
        Long firstArticleId,
        Long lastArticleId,
        Long partOf) {

    /** A chunk of a fixity pass, as a check that one article of it passed. */
    static EventJson passed(PreservationEvent chunk, long articleId) {
        return new EventJson(
                chunk.id,
                chunk.eventType,
                chunk.dateTime,
                EventOutcome.SUCCESS,
                "hashed again by the " + chunk.identifier + " with articles " + chunk.firstArticleId + " to "
                        + chunk.lastArticleId + ": matches the SHA-256 taken at ingest",
                chunk.agent,
                articleId,
                null,
                chunk.identifier,
                chunk.firstArticleId,
                chunk.lastArticleId,
                null);
    }

    public static EventJson of(PreservationEvent e) {
        return new EventJson(
                e.id,
                e.eventType,
                e.dateTime,
                e.outcome,
                e.outcomeDetail,
                e.agent,
                e.articleId,
                e.runId,
                e.identifier,
                e.firstArticleId,
                e.lastArticleId,
                e.partOf);
    }
}
