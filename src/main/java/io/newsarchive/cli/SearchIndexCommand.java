package io.newsarchive.cli;

import io.newsarchive.search.IndexRebuild;
import io.newsarchive.search.OutboxIndexer;
import io.newsarchive.search.SearchEngine;
import jakarta.inject.Inject;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code search-index rebuild}: the OpenSearch index made anew from PostgreSQL; {@code search-index stop-recording}:
 * no more changes kept for it. Exit 2 when either cannot be done.
 */
@Command(
        name = "search-index",
        mixinStandardHelpOptions = true,
        description = "The catalog's OpenSearch index (CATALOG_SEARCH_OPENSEARCH_URL).")
public class SearchIndexCommand {

    @Inject
    SearchEngine engine;

    @Inject
    IndexRebuild rebuild;

    @Inject
    OutboxIndexer indexer;

    @Command(
            name = "stop-recording",
            mixinStandardHelpOptions = true,
            description = "For a catalog that goes back to PostgreSQL alone: stop recording changes for the index and"
                    + " drop those waiting. The next start with OpenSearch builds the index anew.")
    int stopRecording() {
        try {
            long dropped = indexer.stopRecording();
            System.out.printf(
                    "search-index: changes are no longer recorded; %d waiting changes dropped. An instance that still"
                            + " searches with OpenSearch records them again and rebuilds its index.%n",
                    dropped);
            return 0;
        } catch (SQLException e) {
            System.err.println("search-index: the database refused: " + e.getMessage());
            return Main.SYSTEM_ERROR;
        }
    }

    @Command(
            name = "rebuild",
            mixinStandardHelpOptions = true,
            description = "Index every article into a new index; searches move to it when it is complete.")
    int rebuild() {
        if (!engine.configured()) {
            System.err.println("search-index: no search engine is configured; set CATALOG_SEARCH_OPENSEARCH_URL");
            return Main.SYSTEM_ERROR;
        }
        long start = System.nanoTime();
        ProgressBar[] bar = {null};
        Optional<IndexRebuild.Built> built;
        try {
            built = rebuild.rebuild(
                    total -> bar[0] = new ProgressBarBuilder()
                            .setTaskName("search-index rebuild")
                            .setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUnit(" articles", 1)
                            .showSpeed()
                            .setSpeedUnit(ChronoUnit.SECONDS)
                            .build(),
                    n -> bar[0].stepTo(n));
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println("search-index: the rebuild failed, searches keep the index they had: " + e.getMessage());
            return Main.SYSTEM_ERROR;
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        if (built.isEmpty()) {
            System.err.println("search-index: another rebuild is running; try again when it is done");
            return Main.SYSTEM_ERROR;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "search index %s: %d articles in %d s; searches read it now%n",
                built.get().index(), built.get().articles(), took.toSeconds());
        return 0;
    }
}
