package io.newsarchive.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsarchive.catalog.EngineKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How search is doing on this instance, for {@code /q/health}, {@code /q/metrics} and the dashboard: which engine
 * answers, whether OpenSearch answered the last search and the indexer's last pass (apart: only searches tell
 * whether PostgreSQL answers for OpenSearch), and the index's lag (the age of the oldest change not yet indexed, as
 * the indexer last measured it). A failure is logged once when it starts and once when OpenSearch answers again,
 * not at every request.
 */
@ApplicationScoped
public class SearchStatus {

    private static final Logger LOG = Logger.getLogger(SearchStatus.class);

    /**
     * @param engine          the engine that searches when it answers
     * @param degraded        whether OpenSearch is configured but PostgreSQL answers, as OpenSearch failed the last
     *                        search
     * @param problem         what OpenSearch failed the last search with, while degraded
     * @param indexingProblem what OpenSearch failed the indexer's last pass with, if it did
     * @param lagSeconds      seconds since the oldest change not yet indexed was made (0 when none waits); null
     *                        without OpenSearch or before the first measure
     */
    public record Summary(
            EngineKind engine, boolean degraded, String problem, String indexingProblem, Long lagSeconds) {}

    /** Whether one kind of request to OpenSearch fails, since when and with what. */
    private static final class Failing {

        private final String what;
        private volatile Instant since;
        private volatile String problem;

        Failing(String what) {
            this.what = what;
        }

        void answered() {
            if (since != null) {
                LOG.infof(
                        "OpenSearch answers %s again (it failed for %s)", what, Duration.between(since, Instant.now()));
                since = null;
                problem = null;
            }
        }

        void failed(Exception e, String consequence) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (since == null) {
                since = Instant.now();
                LOG.warnf("OpenSearch cannot answer %s (%s); %s", what, problem, consequence);
            }
        }
    }

    private final SearchEngine engine;
    private final Failing searches = new Failing("searches");
    private final Failing indexing = new Failing("the indexer");
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
            return new Summary(EngineKind.POSTGRESQL, false, null, null, null);
        }
        Duration measured = lag;
        return new Summary(
                EngineKind.OPENSEARCH,
                searches.since != null,
                searches.problem,
                indexing.problem,
                measured == null ? null : measured.toSeconds());
    }

    void searchAnswered() {
        searches.answered();
    }

    void searchFailed(Exception e) {
        searches.failed(e, "PostgreSQL answers searches meanwhile");
    }

    void indexed() {
        indexing.answered();
    }

    void indexingFailed(Exception e) {
        indexing.failed(
                e, "changes wait in the outbox until it can (at " + engine.url().orElse("?") + ")");
    }

    void measuredLag(Optional<Instant> oldestPending) {
        lag = oldestPending.map(t -> Duration.between(t, Instant.now())).orElse(Duration.ZERO);
    }
}
