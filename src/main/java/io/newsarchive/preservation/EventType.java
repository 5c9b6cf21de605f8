package io.newsarchive.preservation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.newsarchive.system.Words;
import jakarta.persistence.Converter;

import java.util.Locale;

/** What a preservation event was, in the words of PREMIS 3's event type vocabulary (id.loc.gov). */
public enum EventType {
    /** An original stored, its SHA-256 taken. */
    INGESTION,
    /** An original re-hashed and compared with the SHA-256 taken at ingest. */
    FIXITY_CHECK,
    /** An article's metadata corrected. */
    METADATA_MODIFICATION,
    /** An article withdrawn from public view; its original is kept. */
    DEACCESSION,
    /** A withdrawn article restored to public view. */
    ACCESSION,
    /** Originals sent out in a zip or a bag. */
    DISSEMINATION,
    /** An article rebuilt from a bag by a restore. */
    RECOVERY;

    /** The word for it in SQL, JSON and parameters: {@code ingestion}, {@code fixity check}, ... */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Stores it as its word. */
    @Converter(autoApply = true)
    public static class AsWord extends Words.Converter<EventType> {
        public AsWord() {
            super(EventType.class);
        }
    }
}
