package io.newsarchive.cli;

import io.newsarchive.restore.BagRestore;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Rebuilds the catalog from a bag it exported; exit 0 when restored, 1 when refused (nothing stored), 2 on an error. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Rebuild the catalog as it was from a BagIt bag it exported (format=bagit): the same article ids,"
                + " versions, runs, corrections, withdrawals and events. BAG is the .bag.zip or its unzipped folder."
                + " Every file is checked against the bag's manifests first; any mismatch stores nothing.")
public class RestoreCommand implements Callable<Integer> {

    static final int REFUSED = 1;

    @Parameters(paramLabel = "BAG", description = "the bag: a .bag.zip as exported, or its folder")
    Path bag;

    @Option(
            names = "--merge",
            description = "restore into a catalog that holds articles: add what it lacks, never renumbering what is"
                    + " there; refused when the bag's articles or runs collide with others")
    boolean merge;

    @Inject
    BagRestore restore;

    @Inject
    CatalogConfig config;

    @Override
    public Integer call() {
        try {
            BagRestore.Restored done =
                    restore.restore(bag, merge, config.operator().orElse(System.getProperty("user.name")));
            System.out.printf(
                    "restored %d articles and %d ingest runs from %s%s%n",
                    done.articles(),
                    done.runs(),
                    done.bag(),
                    done.skipped() > 0 ? " (" + done.skipped() + " articles were here already)" : "");
            return 0;
        } catch (BagRestore.Refused e) {
            System.err.println("catalog restore: refused, nothing was stored:");
            e.problems.forEach(p -> System.err.println("  " + p));
            return REFUSED;
        } catch (DatabaseFailure e) {
            System.err.println("catalog restore: " + e.getMessage());
            return Main.SYSTEM_ERROR;
        }
    }
}
