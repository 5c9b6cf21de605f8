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
