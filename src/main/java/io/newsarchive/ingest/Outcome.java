package io.newsarchive.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.TemplateEnum;

import java.util.Locale;

/** What became of one file in an ingest run. */
@TemplateEnum
public enum Outcome {
    ADDED,
    DUPLICATE,
    REVISED,
    REJECTED;

    /** The word for it in SQL, JSON and pages: {@code added}, {@code duplicate}, {@code revised}, {@code rejected}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
