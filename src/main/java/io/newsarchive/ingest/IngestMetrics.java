package io.newsarchive.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest on {@code /q/metrics}: files by outcome once their result is committed (a dry run's too, tagged
 * {@code dry_run}, as it commits its results but stores no article), bytes read, and runs by how they ended.
 */
@ApplicationScoped
class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> files = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> dryRunFiles = new EnumMap<>(Outcome.class);
    private final Counter bytesRead;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            files.put(outcome, files(outcome, false));
            dryRunFiles.put(outcome, files(outcome, true));
        }
        bytesRead = Counter.builder("catalog.ingest.read")
                .description("Bytes of files read by ingest runs, dry runs included")
                .baseUnit("bytes")
                .register(registry);
    }

    private Counter files(Outcome outcome, boolean dryRun) {
        return Counter.builder("catalog.ingest.files")
                .description("Files whose outcome an ingest run committed, by outcome")
                .tag("outcome", outcome.toString())
                .tag("dry_run", Boolean.toString(dryRun))
                .register(registry);
    }

    /** The results of a batch, once committed: a batch rolled back and written again counts once. */
    void committed(List<FileResult> results, boolean dryRun) {
        Map<Outcome, Counter> counters = dryRun ? dryRunFiles : files;
        results.forEach(r -> counters.get(r.outcome()).increment());
    }

    void read(long bytes) {
        bytesRead.increment(bytes);
    }

    Timer.Sample runStarted() {
        return Timer.start(registry);
    }

    /** A run that ended {@code completed} or {@code failed}; an interrupted one ended with its process. */
    void runEnded(Timer.Sample sample, IngestRequest request, RunStatus status) {
        sample.stop(Timer.builder("catalog.ingest.runs")
                .description("Ingest runs ended, by final status and trigger, and how long they took")
                .tag("status", status.toString())
                .tag("trigger", request.trigger().toString())
                .tag("dry_run", Boolean.toString(request.dryRun()))
                .register(registry));
    }
}
