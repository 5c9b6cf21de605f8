package io.newsarchive.reuse;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an archivist decided a near-copy pair is. */
public enum NearCopyDecision {
    /** The same article at another address: both stay, the catalog lists the earlier one. */
    SAME_ARTICLE,
    /** One source's copy of another's article: both are listed, each page names the other. */
    SYNDICATED,
    /** Not copies after all: dismissed from the queue. */
    DIFFERENT;

    /** How pages name a pair so decided. */
    public String label() {
        return switch (this) {
            case SAME_ARTICLE -> "the same article";
            case SYNDICATED -> "a syndicated copy";
            case DIFFERENT -> "different";
        };
    }

    /** The word for it in SQL, JSON, forms and pages: {@code same_article}, {@code syndicated}, {@code different} */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
