package io.newsarchive.ingest;

/** Which files of a run to list. */
public enum FileSelection {
    all("All files", "true"),
    rejected("Rejected", "outcome = 'rejected'"),
    warnings("With warnings", "problems @> '[{\"severity\": \"warning\"}]'"),
    added("Added", "outcome = 'added'"),
    revised("Revisions", "outcome = 'revised'"),
    duplicate("Duplicates", "outcome = 'duplicate'");

    public final String label;
    final String condition;

    FileSelection(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }
}
