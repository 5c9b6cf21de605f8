package io.newsarchive.catalog;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How pages write values: {@code {article.ingestedAt.readable}}, {@code {size.bytes}}, {@code {n.count('file')}},
 * {@code {n.grouped}}, {@code {article.url.breakable}}.
 */
@TemplateExtension
public class TemplateFormats {

    /** A run of hex digits as long as a hash, broken into groups of eight. */
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{16,}");

    private static final int HASH_GROUP = 8;

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** An instant to the minute, in UTC. */
    static String readable(Instant instant) {
        return MINUTES.format(instant);
    }

    /** A duration in the largest unit that states it whole: "15 minutes", "30 days". */
    static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        long[] unitSeconds = {86_400, 3_600, 60};
        String[] units = {"day", "hour", "minute"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= unitSeconds[i] && seconds % unitSeconds[i] == 0) {
                return count(seconds / unitSeconds[i], units[i]);
            }
        }
        return count(seconds, "second");
    }

    /** How long from one instant to another, to a tenth of a second under a minute: "36.9 s", "2 min 5 s", "1 h 4 min". */
    static String until(Instant start, Instant end) {
        Duration took = Duration.between(start, end);
        if (took.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
        }
        return took.toHours() > 0
                ? took.toHours() + " h " + took.toMinutesPart() + " min"
                : took.toMinutes() + " min " + took.toSecondsPart() + " s";
    }

    /** A size in bytes the way people read it: {@code {limits.maxFileBytes.bytes}} gives "512 MiB". */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }

    /** A size setting the way people read it: {@code {config.ingest.maxFileBytes.bytes}} gives "10 MiB". */
    static String bytes(MemorySize size) {
        return bytes(size.asLongValue());
    }

    /** A number with its noun, singular for one: {@code {run.counts.revised.count('revision')}} gives "1 revision". */
    static String count(Number n, String noun) {
        return grouped(n) + " " + (n.longValue() == 1 ? noun : noun + "s");
    }

    /** A whole number with its thousands marked, as people read it: {@code {totals.articles.grouped}}, "20,706". */
    static String grouped(Number n) {
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /**
     * Which rows of a listing a page shows, from the 1-based {@code first}: "51–100 of 20,706", or "of about" when
     * the total is an estimate.
     */
    static String range(long first, int shown, long total, boolean estimate) {
        return grouped(first) + "–" + grouped(first + shown - 1) + " of " + (estimate ? "about " : "") + grouped(total);
    }

    /**
     * Text holding URLs, paths or hashes, HTML-escaped, with a line break allowed ({@code <wbr>}) where a reader
     * expects one: after a slash (not between two), before {@code ? & #}, after {@code =}, and between groups of eight
     * digits of a hash. A narrow screen then wraps them there instead of overflowing or cutting a word anywhere.
     */
    static RawString breakable(String text) {
        BitSet breaks = new BitSet(text.length());
        Matcher hash = HASH.matcher(text);
        while (hash.find()) {
            for (int at = hash.start() + HASH_GROUP; at < hash.end(); at += HASH_GROUP) {
                breaks.set(at);
            }
        }
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            char c = text.charAt(i);
            if ((before == '/' && c != '/') || before == '=' || c == '?' || c == '&' || c == '#') {
                breaks.set(i);
            }
        }
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            if (breaks.get(i)) {
                html.append("<wbr>");
            }
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return new RawString(html.toString());
    }

    /**
     * One side of a change in the audit log, {@code {c.value.changed('old')}}: breakable like a URL (values are often
     * addresses and file names), and "(none)" for a value that was or became absent.
     */
    static RawString changed(Map<String, String> values, String side) {
        String value = values.get(side);
        return value == null ? new RawString("(none)") : breakable(value);
    }

    /** A part of a whole (0 to 1) as a percentage to a tenth: "12.5%", and "<0.1%" for less but not none. */
    static String percent(double share) {
        return share > 0 && share < 0.0005 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
