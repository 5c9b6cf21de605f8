package io.newsarchive.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import io.newsarchive.system.Words;
import io.quarkus.qute.TemplateEnum;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Whether an article is listed: {@code active}, or {@code withdrawn} (kept, reachable, but no longer listed). */
@TemplateEnum
public enum ArticleStatus {
    ACTIVE,
    WITHDRAWN;

    /** The word for it in SQL, JSON and pages: {@code active} or {@code withdrawn}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores it as its word. */
    @Converter(autoApply = true)
    public static class AsWord extends Words.Converter<ArticleStatus> {
        public AsWord() {
            super(ArticleStatus.class);
        }
    }
}
