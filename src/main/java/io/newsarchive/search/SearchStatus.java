package io.newsarchive.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How search is doing on this instance, for {@code /q/health}, {@code /q/metrics} and the dashboard: which engine
 * answers, whether OpenSearch answered its last request, and the index's lag (the age of the oldest change not yet
 * indexed, as the indexer last measured it). A failing OpenSearch is logged once when it starts failing and once
 * when it answers again, not at every request.
 */
@ApplicationScoped
public class SearchStatus {

    private static final Logger LOG = Logger.getLogger(SearchStatus.class);

    /**
     * @param engine     the engine that searches when it answers
     * @param degraded   whether OpenSearch is configured but PostgreSQL answers, as OpenSearch failed
     * @param problem    what OpenSearch failed with, while degraded
     * @param lagSeconds seconds since the oldest change not yet indexed was made (0 when none waits); null
     *                   without OpenSearch or before the first measure
     */
    public record Summary(EngineKind engine, boolean degraded, String problem, Long lagSeconds) {}

    private final SearchEngine engine;
    private volatile Instant failingSince;
    private volatile String problem;
    private volatile Duration lag;

    SearchStatus(SearchEngine engine, MeterRegistry registry) {
        this.engine = engine;
        if (engine.configured()) {
            Gauge.builder("catalog.search.index.lag", this, s -> s.lag == null ? 0 : s.lag.toMillis() / 1000.0)
                    .description("Age of the oldest change not yet in the search index")
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    public Summary summary() {
        if (!engine.configured()) {
            return new Summary(EngineKind.POSTGRESQL, false, null, null);
        }
        Duration measured = lag;
        return new Summary(
                EngineKind.OPENSEARCH, failingSince != null, problem, measured == null ? null : measured.toSeconds());
    }

    void answered() {
        if (failingSince != null) {
            LOG.infof("OpenSearch answers again (it failed for %s)", Duration.between(failingSince, Instant.now()));
            failingSince = null;
            problem = null;
        }
    }

    void failed(Exception e) {
        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (failingSince == null) {
            failingSince = Instant.now();
            LOG.warnf(
                    "OpenSearch at %s cannot answer (%s); PostgreSQL answers searches, and changes wait in the"
                            + " outbox until it can",
                    engine.url().orElse("?"), problem);
        }
    }

    void measuredLag(Optional<Instant> oldestPending) {
        lag = oldestPending.map(t -> Duration.between(t, Instant.now())).orElse(Duration.ZERO);
    }
}
