package io.newsarchive.export;

import io.newsarchive.system.ApiError;

import java.util.Locale;

/** The formats {@code GET /api/export} writes, by their {@code format} parameter. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8; header=present"),
    JSON("application/json"),
    JSONL("application/jsonl");

    public final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ExportFormat of(String value) {
        for (ExportFormat format : values()) {
            if (format.extension().equals(value)) {
                return format;
            }
        }
        throw ApiError.badParameter("format", "format must be csv, json or jsonl, not \"" + value + "\"");
    }
}
