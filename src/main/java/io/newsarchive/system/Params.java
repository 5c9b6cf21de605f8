package io.newsarchive.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strict parsing of query and path parameters: anything unexpected is a 400 that names the parameter. */
public final class Params {

    /** Strict, so that 2023-02-30 is refused rather than read as 2023-02-28. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** uuuu alone also reads signed years such as +99999, which PostgreSQL and the cursors cannot hold. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Params() {}

    /** Text to look for, or null when blank: a control character (a NUL, a line break) is no text anyone searches. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            // stored text never holds them, and PostgreSQL refuses a NUL in any text
            throw ApiError.badParameter(name, name + " holds a control character (such as a NUL or a line break)");
        }
        return value.strip();
    }

    /** The constant whose word (its {@code toString}) the value is; a 400 naming every word otherwise. */
    public static <E extends Enum<E>> E oneOf(String name, String value, E[] constants) {
        E constant = Words.find(constants, value);
        if (constant != null) {
            return constant;
        }
        throw ApiError.badParameter(
                name,
                name + " must be one of "
                        + Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", ")) + ", not \""
                        + value + "\"");
    }

    public static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badParameter(name, name + " must be true or false, not \"" + value + "\"");
        };
    }

    public static int intInRange(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badParameter(
                name, name + " must be a whole number from " + min + " to " + max + ", not \"" + value + "\"");
    }

    /** A date written YYYY-MM-DD, or null when absent; a signed year of more digits (+10000) is refused. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (DIGITS.matcher(value).matches()) {
            try {
                return LocalDate.parse(value, DATE);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw ApiError.badParameter(name, name + " must be a date written YYYY-MM-DD, not \"" + value + "\"");
    }

    /** A positive database id. */
    public static long id(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badParameter(name, name + " must be a positive whole number, not \"" + value + "\"");
    }
}
