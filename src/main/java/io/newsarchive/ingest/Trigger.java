package io.newsarchive.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What started an ingest run. */
public enum Trigger {
    CLI,
    API,
    STARTUP,
    WEB;

    /** The word for it in SQL, JSON and pages: {@code cli}, {@code api}, {@code startup}, {@code web}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
