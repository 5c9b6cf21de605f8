package io.newsarchive.search;

import io.newsarchive.catalog.EngineKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The search engine in {@code /q/health}. Always up: when OpenSearch fails, PostgreSQL answers searches (the data
 * says {@code degraded}), so that an instance is not taken out of service for it.
 */
@Readiness
@ApplicationScoped
public class SearchHealth implements HealthCheck {

    private final SearchStatus status;

    SearchHealth(SearchStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        SearchStatus.Summary s = status.summary();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search")
                .up()
                .withData("engine", s.engine().toString());
        if (s.engine() == EngineKind.OPENSEARCH) {
            response.withData("degraded", s.degraded());
            if (s.problem() != null) {
                response.withData("problem", s.problem());
            }
            if (s.indexingProblem() != null) {
                response.withData("indexing_problem", s.indexingProblem());
            }
            if (s.lagSeconds() != null) {
                response.withData("index_lag_seconds", s.lagSeconds());
            }
        }
        return response.build();
    }
}
