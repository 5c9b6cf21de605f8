package io.newsarchive.corpus;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * One thing wrong with a corpus file.
 *
 * @param line    1-based line number, or null when the problem concerns the whole file
 * @param message made {@link Text#visible} and cut to {@value #MAX_MESSAGE} characters, whatever its source (a
 *                quoted line, an I/O error, the database), so that every report can be stored and shown
 */
public record ParseProblem(Severity severity, String code, Integer line, String message) {

    static final int MAX_MESSAGE = 1000;

    public enum Severity {
        ERROR,
        WARNING;

        /** The word for it in reports: {@code error} or {@code warning}. */
        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ParseProblem {
        message = Text.visible(Text.cut(message, MAX_MESSAGE));
    }

    public static ParseProblem error(String code, Integer line, String message) {
        return new ParseProblem(Severity.ERROR, code, line, message);
    }

    public static ParseProblem warning(String code, Integer line, String message) {
        return new ParseProblem(Severity.WARNING, code, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
