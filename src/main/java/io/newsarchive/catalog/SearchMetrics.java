package io.newsarchive.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * The listings and searches of every engine on {@code /q/metrics}: how long those answered took, by the engine that
 * answered and whether they had a text query, and how many were refused instead.
 */
@ApplicationScoped
public class SearchMetrics {

    /** Why a search got a 503 rather than an answer; the word is also the error code of the answer. */
    public enum Refusal {
        /** It waited for its turn among the text searches for too long. */
        BUSY,
        /** It ran out of the statement timeout. */
        TIMEOUT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Refusal reason : Refusal.values()) {
            refusals(reason);
        }
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** A listing or search answered by {@code engine}; {@code text} when it had a text query. */
    public void answered(Timer.Sample sample, EngineKind engine, boolean text) {
        sample.stop(Timer.builder("catalog.search")
                .description("Listings and searches answered, by the engine that answered and kind (text: with q)")
                .tag("engine", engine.toString())
                .tag("kind", text ? "text" : "listing")
                // for percentiles in Prometheus: about 70 buckets of 1 ms to 30 s for each of at most 3 series
                .publishPercentileHistogram()
                .register(registry));
    }

    void refused(Refusal reason) {
        refusals(reason).increment();
    }

    private Counter refusals(Refusal reason) {
        return Counter.builder("catalog.search.refused")
                .description("Searches answered with a 503 instead of results, by reason")
                .tag("reason", reason.toString())
                .register(registry);
    }
}
