package io.newsarchive.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
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
    USER_PASSWORD;

    /** The word for it in SQL, JSON, parameters and pages: {@code edit}, ..., {@code user_add}, ... */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action its word names. */
    public static AuditAction of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Stores an action as its word. */
    @Converter(autoApply = true)
    public static class AsWord implements AttributeConverter<AuditAction, String> {

        @Override
        public String convertToDatabaseColumn(AuditAction action) {
            return action == null ? null : action.toString();
        }

        @Override
        public AuditAction convertToEntityAttribute(String word) {
            return word == null ? null : of(word);
        }
    }
}
