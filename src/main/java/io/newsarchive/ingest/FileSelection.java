package io.newsarchive.ingest;

import io.newsarchive.system.Params;

import java.util.Locale;

/** Which files of a run to list, by the parameter {@code show}. */
public enum FileSelection {
    ALL("All files", "true"),
    REJECTED("Rejected", "outcome = 'rejected'"),
    WARNINGS("With warnings", "problems @> '[{\"severity\": \"warning\"}]'"),
    ADDED("Added", "outcome = 'added'"),
    REVISED("Revisions", "outcome = 'revised'"),
    DUPLICATE("Duplicates", "outcome = 'duplicate'");

    public final String label;
    final String condition;

    FileSelection(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    /** The value of {@code show} that selects it: {@code all}, {@code rejected}, ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many of a run's files it selects, as the run counted them. */
    public int countIn(IngestReports.RunSummary run) {
        IngestReports.Counts counts = run.counts();
        return switch (this) {
            case ALL -> run.filesDone();
            case REJECTED -> counts.rejected();
            case WARNINGS -> counts.warnings();
            case ADDED -> counts.added();
            case REVISED -> counts.revised();
            case DUPLICATE -> counts.duplicate();
        };
    }

    /** The selection named by the parameter {@code show}; all files when it is absent. */
    public static FileSelection of(String show) {
        return show == null || show.isEmpty() ? ALL : Params.oneOf("show", show, values());
    }
}
