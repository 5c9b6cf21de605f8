package io.newsarchive.cli;

import io.newsarchive.reuse.ReuseBacklog;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.inject.Inject;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/**
 * Finds the shared passages of every article not looked at yet: a catalog from before text reuse, or one whose
 * service does not link ({@code catalog.reuse.enabled=false}). Each batch is stored as it is done, so a killed run
 * loses at most one batch and the next run goes on from there. Exit 2 when the database fails.
 */
@Command(
        name = "reuse",
        mixinStandardHelpOptions = true,
        description = "Find the passages that articles not looked at yet share with others (resumable: a run that is"
                + " stopped goes on where it stopped when started again).")
public class ReuseCommand implements Callable<Integer> {

    @Inject
    ReuseBacklog backlog;

    @Inject
    CatalogConfig config;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        long linked = 0;
        try {
            long waiting = backlog.waiting();
            int batch = config.reuse().batchArticles();
            try (ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("reuse")
                    .setInitialMax(waiting)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" articles", 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .continuousUpdate()
                    .build()) {
                int done;
                do {
                    done = backlog.linkNext(batch);
                    linked += done;
                    bar.stepTo(Math.min(linked, waiting));
                } while (done == batch);
            }
        } catch (DatabaseFailure e) {
            System.err.printf(
                    "reuse: stopped after %d articles, which stay linked; run it again to go on: %s%n",
                    linked, e.getMessage());
            return Main.SYSTEM_ERROR;
        }
        System.out.printf(
                "reuse: shared passages looked for in %d articles in %.1f s%n",
                linked, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
