package io.newsarchive.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.TemplateEnum;

import java.util.Locale;

/**
 * The engine that answers text searches: {@code opensearch} when configured, else {@code postgresql} (which also
 * answers every listing without a text query).
 */
@TemplateEnum
public enum EngineKind {
    OPENSEARCH,
    POSTGRESQL;

    /** The word for it in JSON, health data and the tags of {@code /q/metrics}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
