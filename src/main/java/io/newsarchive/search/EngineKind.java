package io.newsarchive.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.TemplateEnum;

import java.util.Locale;

/** The engine that answers text searches: {@code opensearch} when configured, else {@code postgresql}. */
@TemplateEnum
public enum EngineKind {
    OPENSEARCH,
    POSTGRESQL;

    /** The word for it in JSON and health data. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
