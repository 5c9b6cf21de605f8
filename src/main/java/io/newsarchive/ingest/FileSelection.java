package io.newsarchive.ingest;

import io.newsarchive.system.ApiError;

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

    /** The selection named by the parameter {@code show}; all files when it is absent. */
    public static FileSelection of(String show) {
        if (show == null || show.isEmpty()) {
            return all;
        }
        try {
            return valueOf(show);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("show", "show must be one of all, rejected, warnings, added, revised,"
                    + " duplicate, not \"" + show + "\"");
        }
    }
}
