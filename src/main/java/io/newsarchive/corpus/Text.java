package io.newsarchive.corpus;

/** How text from a file is judged and shown: what counts as blank, and how it is quoted in a message. */
public final class Text {

    /** Longest part of a line a message quotes; the rest is cut, so that a 5 MB line makes a short report. */
    static final int MAX_QUOTE = 120;

    private Text() {}

    /**
     * Whether the text shows nothing: only white space, no-break spaces, controls and format characters
     * (zero-width space, word joiner, byte order mark, ...).
     */
    public static boolean isBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.FORMAT);
    }

    /**
     * The text with every control, format, separator and lone surrogate character written as {@code \}{@code uXXXX}:
     * such characters are invisible or break what shows them, and PostgreSQL refuses a NUL in text and JSON.
     */
    public static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The text in double quotes, made {@link #visible}, its first {@value #MAX_QUOTE} characters only. */
    public static String quoted(String text) {
        return "\"" + visible(cut(text, MAX_QUOTE)) + "\"";
    }

    /** The text cut to at most {@code max} code points, ending in … when cut. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
