package io.newsarchive.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.TemplateEnum;

import java.util.Locale;

/**
 * Where an ingest run stands: {@code running} until it ends {@code completed} or {@code failed}; a run found running
 * without its lock (its process died) is {@code interrupted}.
 */
@TemplateEnum
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    INTERRUPTED;

    /** The word for it in SQL, JSON and pages: {@code running}, {@code completed}, ... */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the run stopped before its last file ({@code failed} or {@code interrupted}): it may be run again. */
    public boolean stoppedEarly() {
        return this == FAILED || this == INTERRUPTED;
    }
}
