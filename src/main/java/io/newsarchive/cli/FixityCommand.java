package io.newsarchive.cli;

import io.newsarchive.fixity.FixityChecks;
import io.newsarchive.preservation.EventOutcome;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.system.CatalogConfig;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Checks stored originals against their SHA-256 now; exit 0 when all match, 1 when some do not, 2 on an error. */
@Command(
        name = "fixity",
        mixinStandardHelpOptions = true,
        description = "Hash stored originals again and compare them with the SHA-256 taken at ingest, recording each"
                + " check as a preservation event: the articles named, or a new pass over the whole catalog.")
public class FixityCommand implements Callable<Integer> {

    static final int DAMAGED = 1;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "article ids to check; none for every original")
    List<Long> ids;

    @Option(
            names = "--max-bytes-per-second",
            paramLabel = "BYTES",
            description = "most bytes of originals a pass reads a second; 0 (the default) for as fast as it goes")
    long maxBytesPerSecond;

    @Inject
    FixityChecks checks;

    @Inject
    CatalogConfig config;

    @Override
    public Integer call() {
        String operator = config.operator().orElse(System.getProperty("user.name"));
        try {
            if (ids != null && !ids.isEmpty()) {
                boolean damaged = false;
                for (long id : ids) {
                    Optional<PreservationEvent> event = checks.checkArticle(id, operator);
                    if (event.isEmpty()) {
                        System.err.println("catalog fixity: no article " + id);
                        return Main.SYSTEM_ERROR;
                    }
                    damaged |= event.get().outcome == EventOutcome.FAILURE;
                    System.out.printf("article %d: %s, %s%n", id, event.get().outcome, event.get().outcomeDetail);
                }
                return damaged ? DAMAGED : 0;
            }
            Optional<FixityChecks.Pass> pass = checks.run(operator, true, maxBytesPerSecond);
            if (pass.isEmpty()) {
                System.err.println("catalog fixity: another process is running a pass; try again when it ends");
                return Main.SYSTEM_ERROR;
            }
            FixityChecks.Pass p = pass.get();
            System.out.printf(
                    "%s: %d originals checked, %d failed (%d MB in %d s, %d MB/s)%n",
                    p.identifier(),
                    p.checked(),
                    p.failed(),
                    p.bytes() / 1_000_000,
                    p.took().toSeconds(),
                    p.bytesPerSecond() / 1_000_000);
            return p.failed() > 0 ? DAMAGED : 0;
        } catch (SQLException e) {
            System.err.println("catalog fixity: " + e.getMessage());
            return Main.SYSTEM_ERROR;
        }
    }
}
