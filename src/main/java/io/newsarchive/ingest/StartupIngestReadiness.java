package io.newsarchive.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The service is not ready while it is ingesting the corpus on its first start. */
@Readiness
@ApplicationScoped
public class StartupIngestReadiness implements HealthCheck {

    @Inject
    StartupIngest startupIngest;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("startup-ingest")
                .status(startupIngest.settled())
                .build();
    }
}
