package io.newsarchive.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import io.newsarchive.system.Words;
import jakarta.persistence.Converter;

import java.util.Locale;

/** What a change in the audit log did. */
public enum AuditAction {
    /** An article's metadata corrected. */
    EDIT,
    WITHDRAW,
    RESTORE,
    /** An ingest run that stores (every run but a dry run). */
    INGEST,
    USER_ADD,
    USER_ROLE,
    USER_DISABLE,
    USER_ENABLE,
    USER_PASSWORD,
    /** A source collection made, with its name, description and sources. */
    COLLECTION_ADD,
    /** A source collection renamed or described anew. */
    COLLECTION_EDIT,
    /** Sources added to or removed from a collection. */
    COLLECTION_SOURCES,
    COLLECTION_DELETE,
    /** An ingest run taken off the dashboard's Needs attention list. */
    RUN_DISMISS,
    /** A dismissed run put back on the Needs attention list. */
    RUN_UNDISMISS,
    /** What a near-copy pair is, decided or undone (reuse's review queue); recorded on both articles. */
    NEAR_COPY_DECISION;

    /** The word for it in SQL, JSON, parameters and pages: {@code edit}, ..., {@code user_add}, ..., {@code run_dismiss} */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores it as its word. */
    @Converter(autoApply = true)
    public static class AsWord extends Words.Converter<AuditAction> {
        public AsWord() {
            super(AuditAction.class);
        }
    }
}
