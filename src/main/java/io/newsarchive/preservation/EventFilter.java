package io.newsarchive.preservation;

import io.newsarchive.system.Href;
import io.newsarchive.system.Params;

import java.time.LocalDate;
import java.util.List;

/** Which preservation events to list, by the parameters of {@code /api/events} and the events page; null is any. */
public record EventFilter(
        EventType type, EventOutcome outcome, String agent, Long articleId, LocalDate from, LocalDate to) {

    /** The filter the parameters name; each is checked and a bad one named (400). */
    public static EventFilter of(String type, String outcome, String agent, String article, String from, String to) {
        return new EventFilter(
                blank(type) ? null : Params.oneOf("type", type, EventType.values()),
                blank(outcome) ? null : Params.oneOf("outcome", outcome, EventOutcome.values()),
                blank(agent) ? null : Params.text("agent", agent),
                blank(article) ? null : Params.id("article", article),
                Params.date("from", from),
                Params.date("to", to));
    }

    /** The newest matching events first, at most {@code limit}, those older than the event {@code before} if given. */
    public List<PreservationEvent> latest(Long before, int limit) {
        return PreservationEvent.latest(type, outcome, agent, articleId, from, to, before, limit);
    }

    /** The address {@code path} with this filter as parameters. */
    public Href href(String path) {
        return Href.of(path)
                .plus("type", word(type))
                .plus("outcome", word(outcome))
                .plus("agent", agent)
                .plus("article", word(articleId))
                .plus("from", word(from))
                .plus("to", word(to));
    }

    private static String word(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
