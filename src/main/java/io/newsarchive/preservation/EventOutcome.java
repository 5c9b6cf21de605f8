package io.newsarchive.preservation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.newsarchive.system.Words;
import jakarta.persistence.Converter;

import java.util.Locale;

/** How a preservation event ended (PREMIS eventOutcome). */
public enum EventOutcome {
    SUCCESS,
    FAILURE;

    /** The word for it in SQL, JSON and parameters: {@code success} or {@code failure}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores it as its word. */
    @Converter(autoApply = true)
    public static class AsWord extends Words.Converter<EventOutcome> {
        public AsWord() {
            super(EventOutcome.class);
        }
    }
}
