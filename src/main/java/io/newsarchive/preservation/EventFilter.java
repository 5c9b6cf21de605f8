package io.newsarchive.preservation;

import io.newsarchive.system.Href;
import io.newsarchive.system.Params;

import java.time.LocalDate;
import java.util.List;

/** Which preservation events to list, by the parameters of {@code /api/events} and the events page; null is any. */
public record EventFilter(
        EventType type, EventOutcome outcome, String agent, Long articleId, LocalDate from, LocalDate to) {

    /** The filter the parameters name; each is checked and a bad one named (400). */
    public static EventFilter of(EventParams p) {
        return new EventFilter(
                blank(p.type) ? null : Params.oneOf("type", p.type, EventType.values()),
                blank(p.outcome) ? null : Params.oneOf("outcome", p.outcome, EventOutcome.values()),
                blank(p.agent) ? null : Params.text("agent", p.agent),
                blank(p.article) ? null : Params.id("article", p.article),
                Params.date("from", p.from),
                Params.date("to", p.to));
    }

    /** A page of events, newest first, and the address of the older ones, or null when there are none. */
    public record Page(List<PreservationEvent> events, String older) {}

    /**
     * The newest matching events, at most {@code size}, those older than the event {@code before} (a parameter) if
     * given; the older ones are at {@code here} with {@code before} added.
     */
    public Page page(String before, int size, Href here) {
        List<PreservationEvent> events = PreservationEvent.latest(
                type,
                outcome,
                agent,
                articleId,
                from,
                to,
                before == null ? null : Params.id("before", before),
                size + 1);
        if (events.size() <= size) {
            return new Page(events, null);
        }
        List<PreservationEvent> shown = events.subList(0, size);
        return new Page(
                shown, here.plus("before", shown.get(size - 1).id.toString()).toString());
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
