package io.newsarchive.system;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one range of bytes a {@code Range} header asks of a representation (RFC 9110, 14.2): {@code bytes=0-499},
 * {@code bytes=500-} or {@code bytes=-500}. Several ranges, other units and ranges that do not parse are ignored, as
 * the RFC allows, and the whole representation is sent; a range that starts past its end is a 416 that says how
 * long the representation is.
 *
 * @param first the first byte's offset
 * @param last  the last byte's offset, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SPEC = Pattern.compile("bytes=\\s*([0-9]*)-([0-9]*)\\s*");

    /** The range asked for of {@code length} bytes, or null for all of them. */
    public static ByteRange of(String range, long length) {
        Matcher spec = range == null ? null : SPEC.matcher(range.toLowerCase(Locale.ROOT));
        if (spec == null
                || !spec.matches()
                || (spec.group(1).isEmpty() && spec.group(2).isEmpty())) {
            return null;
        }
        if (spec.group(1).isEmpty()) {
            long suffix = number(spec.group(2));
            if (suffix == 0) {
                throw unsatisfiable(length);
            }
            return suffix >= length ? null : new ByteRange(length - suffix, length - 1);
        }
        long first = number(spec.group(1));
        long last = spec.group(2).isEmpty() ? length - 1 : number(spec.group(2));
        if (first >= length) {
            throw unsatisfiable(length);
        }
        if (last < first) {
            return null;
        }
        return new ByteRange(first, Math.min(last, length - 1));
    }

    /** A position; one past what a long holds is past the end of any file all the same. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** The {@code Content-Range} of a 206 answer. */
    public String contentRange(long length) {
        return "bytes " + first + "-" + last + "/" + length;
    }

    private static WebApplicationException unsatisfiable(long length) {
        return new WebApplicationException(
                "the range asked for lies outside the " + length + " bytes there are",
                Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header("Content-Range", "bytes */" + length)
                        .build());
    }
}
