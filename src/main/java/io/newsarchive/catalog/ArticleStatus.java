package io.newsarchive.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.TemplateEnum;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Whether an article is listed: {@code active}, or {@code withdrawn} (kept, reachable, but no longer listed). */
@TemplateEnum
public enum ArticleStatus {
    ACTIVE, WITHDRAWN;

    /** The word for it in SQL, JSON and pages: {@code active} or {@code withdrawn}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status its word names. */
    public static ArticleStatus of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Stores a status as its word. */
    @Converter(autoApply = true)
    public static class AsWord implements AttributeConverter<ArticleStatus, String> {

        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.toString();
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String word) {
            return word == null ? null : of(word);
        }
    }
}
