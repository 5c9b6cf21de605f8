package io.newsarchive.export;

import io.newsarchive.system.Params;

import java.util.Locale;

/** The formats {@code GET /api/export} writes, by their {@code format} parameter. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8; header=present", "csv"),
    JSON("application/json", "json"),
    JSONL("application/jsonl", "jsonl"),
    /** The original files with a SHA-256 manifest. */
    ZIP("application/zip", "zip"),
    /** A BagIt 1.0 bag (RFC 8493) serialised as a zip. */
    BAGIT("application/zip", "bag.zip");

    public final String mediaType;
    public final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The value of the {@code format} parameter that asks for it: {@code csv}, {@code json}, ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ExportFormat of(String value) {
        return Params.oneOf("format", value, values());
    }
}
