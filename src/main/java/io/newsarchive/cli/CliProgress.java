package io.newsarchive.cli;

import io.newsarchive.ingest.FileResult;
import io.newsarchive.ingest.IngestProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of a CLI ingest on stderr: a progress bar with files per second on a terminal, plain lines
 * (at most one every few seconds) when the output goes to a file or a pipe.
 */
final class CliProgress implements IngestProgress, AutoCloseable {

    private static final Duration LINE_EVERY = Duration.ofSeconds(5);
    private static final int NOTABLE_KEPT = 20;

    private final boolean terminal;
    private final PrintStream err = System.err;
    private ProgressBar bar;
    private int total;
    private long startNanos;
    private long lastLineNanos;
    /** The first rejected files and files with warnings, for the summary. */
    final List<FileResult> notable = new ArrayList<>();

    int notableCount;

    CliProgress(boolean terminal) {
        this.terminal = terminal;
    }

    @Override
    public void started(long runId, int totalFiles) {
        total = totalFiles;
        startNanos = System.nanoTime();
        lastLineNanos = startNanos;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("ingest run " + runId)
                    .setInitialMax(totalFiles)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" files", 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .build();
        } else {
            err.printf("ingest run %d: %d files%n", runId, totalFiles);
        }
    }

    @Override
    public void advanced(int filesDone, List<FileResult> batch) {
        for (FileResult result : batch) {
            if (!result.problems().isEmpty()) {
                notableCount++;
                if (notable.size() < NOTABLE_KEPT) {
                    notable.add(result);
                }
            }
        }
        if (bar != null) {
            bar.stepTo(filesDone);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLineNanos >= LINE_EVERY.toNanos() || filesDone == total) {
            lastLineNanos = now;
            double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
            err.printf("ingest: %d/%d files, %.0f files/s%n", filesDone, total, filesDone / seconds);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
