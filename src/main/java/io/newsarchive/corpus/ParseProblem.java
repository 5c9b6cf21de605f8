package io.newsarchive.corpus;

/**
 * One thing wrong with a corpus file.
 *
 * @param line 1-based line number, or null when the problem concerns the whole file
 */
public record ParseProblem(Severity severity, String code, Integer line, String message) {

    public enum Severity { error, warning }

    public static ParseProblem error(String code, Integer line, String message) {
        return new ParseProblem(Severity.error, code, line, message);
    }

    public static ParseProblem warning(String code, Integer line, String message) {
        return new ParseProblem(Severity.warning, code, line, message);
    }

    public boolean isError() {
        return severity == Severity.error;
    }
}
