package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a listing: the sort key and id of the row next to it, and which way to read. Clients get it as an
 * opaque token; it names its sort order so that a cursor from another order is refused rather than misread.
 *
 * @param key      the row's sort key: its publication date, nothing when ingestion orders (the id is the key), its
 *                 word count ({@code 812}) for {@code -words}, its source's host and publication date
 *                 ({@code bbc.co.uk/2022-03-01}) for {@code source}, or for relevance its tier and publication date
 *                 ({@code 1/2022-03-01}) on PostgreSQL, its score and publication date ({@code s7.25/2022-03-01})
 *                 on a search engine
 * @param backward whether the page is the one before the row (a "previous" link)
 * @param position where the row is in the listing, from 0, so that a page can say which articles of the total it
 *                 shows ("51–100 of 20,706")
 */
public record Cursor(SortOrder sort, String key, long id, boolean backward, long position) {

    /** v1 cursors held RUM rank distances, v2 no position; they are refused like any malformed one. */
    private static final String VERSION = "v3";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** Publication dates have four-digit years (the parser's range), never {@code +10000-01-01}. */
    private static final Pattern DATE_KEY = Pattern.compile("(?<date>\\d{4}-\\d{2}-\\d{2})");

    /** A source's host and a date; a host may be an IPv6 address in brackets or an internationalised name. */
    private static final Pattern SOURCE_KEY =
            Pattern.compile("(?<host>[\\p{L}\\p{M}\\p{N}._~\\-\\[\\]:%]{1,255})/(?<date>\\d{4}-\\d{2}-\\d{2})");

    private static final Pattern WORDS_KEY = Pattern.compile("0|[1-9]\\d{0,8}");

    private static final Pattern RELEVANCE_KEY =
            Pattern.compile("(?:[123]|s(?<score>\\d+\\.\\d+(?:E-?\\d+)?))/(?<date>\\d{4}-\\d{2}-\\d{2})");

    public String token() {
        String plain = String.join(
                "|", VERSION, sort.param, backward ? "prev" : "next", key, Long.toString(id), Long.toString(position));
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String token, SortOrder expected) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (parts.length != 6 || !parts[0].equals(VERSION) || !(parts[2].equals("next") || parts[2].equals("prev"))) {
            throw malformed();
        }
        if (!parts[1].equals(expected.param)) {
            throw ApiError.badParameter(
                    "cursor",
                    "this cursor belongs to sort=" + parts[1] + ", not sort=" + expected.param
                            + "; start again from the first page");
        }
        Cursor cursor;
        try {
            if (expected == SortOrder.INGESTED) {
                if (!parts[3].isEmpty()) {
                    throw malformed();
                }
            } else if (expected == SortOrder.WORDS) {
                if (!WORDS_KEY.matcher(parts[3]).matches()) {
                    throw malformed();
                }
            } else {
                Matcher key = (expected == SortOrder.RELEVANCE
                                ? RELEVANCE_KEY
                                : expected == SortOrder.SOURCE ? SOURCE_KEY : DATE_KEY)
                        .matcher(parts[3]);
                if (!key.matches()) {
                    throw malformed();
                }
                LocalDate.parse(key.group("date"));
            }
            cursor = new Cursor(
                    expected, parts[3], Long.parseLong(parts[4]), parts[2].equals("prev"), Long.parseLong(parts[5]));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed();
        }
        if (cursor.position() < 0) {
            throw malformed();
        }
        // only what this catalog writes: no sign, no leading zero, no padding, nothing the database would misread
        if (!cursor.token().equals(token)) {
            throw malformed();
        }
        return cursor;
    }

    /**
     * The position of the first row of a page read from {@code cursor} (null on the first page). A page before the
     * cursor that is not full is the listing's first, wherever the rows have moved since the cursor was made.
     */
    public static long start(Cursor cursor, int rows, boolean more) {
        if (cursor == null) {
            return 0;
        }
        if (cursor.backward()) {
            return more ? Math.max(0, cursor.position() - rows) : 0;
        }
        return cursor.position() + 1;
    }

    /** A relevance key of a search engine's ranking: its score and publication date. */
    public static String scoredKey(double score, LocalDate published) {
        return "s" + score + "/" + published;
    }

    /**
     * Whether this is a relevance cursor of a search engine's ranking rather than PostgreSQL's tiers (a host in the
     * key of {@code source} may start with an s too).
     */
    public boolean scored() {
        return sort == SortOrder.RELEVANCE && key.startsWith("s");
    }

    /** The score of a {@link #scored()} cursor. */
    public double score() {
        return Double.parseDouble(key.substring(1, key.indexOf('/')));
    }

    /** The host of the source of the row a {@code source} cursor is next to. */
    public String host() {
        return key.substring(0, key.indexOf('/'));
    }

    /** The word count of the row a {@code -words} cursor is next to. */
    public int words() {
        return Integer.parseInt(key);
    }

    /** The publication date of the row the cursor is next to. */
    public LocalDate published() {
        return LocalDate.parse(key.substring(key.indexOf('/') + 1));
    }

    /** A cursor handed out by the other engine (after the search engine was turned on or off): start again. */
    public static RuntimeException fromOtherEngine() {
        return ApiError.badParameter(
                "cursor",
                "this cursor belongs to an earlier way of ranking the catalog; start again from the first page");
    }

    /** The relevance tier of a relevance key: 1 for headline matches, 2 for lead matches, 3 for the others. */
    static int tier(String relevanceKey) {
        return relevanceKey.charAt(0) - '0';
    }

    private static RuntimeException malformed() {
        return ApiError.badParameter("cursor", "cursor is not a cursor this catalog handed out");
    }
}
