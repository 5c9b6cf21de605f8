package io.newsarchive.corpus;

import com.google.common.hash.Hashing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one corpus file: line 1 the headline, line 2 the date {@code YYYYMMDD}, line 3 the source URL, then one
 * sentence a line. A pure function of the bytes, the limits and the ingest date; it finds every problem it can
 * rather than stopping at the first. Its limits are every limit the catalog's schema has, so that a file it accepts
 * can always be stored and a dry run decides what the real run does.
 */
public final class ArticleParser {

    /** The earliest accepted publication date; the latest is the day after the ingest (time zones). */
    public static final LocalDate EARLIEST = LocalDate.of(1700, 1, 1);

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final int HEADLINE_LINE = 1;
    private static final int DATE_LINE = 2;
    private static final int URL_LINE = 3;

    private final long maxBytes;
    private final int maxHeadlineChars;
    private final int maxUrlBytes;

    /**
     * @param maxBytes         the largest accepted file
     * @param maxHeadlineChars the longest accepted headline, in characters
     * @param maxUrlBytes      the longest accepted source URL, in UTF-8 bytes
     */
    public ArticleParser(long maxBytes, int maxHeadlineChars, int maxUrlBytes) {
        this.maxBytes = maxBytes;
        this.maxHeadlineChars = maxHeadlineChars;
        this.maxUrlBytes = maxUrlBytes;
    }

    /**
     * What is wrong with a headline, wherever it is set (a file, a correction), without a line number; null when
     * nothing is. Codes {@code headline} (blank, more than one line, a control character) and {@code headline_too_long}.
     */
    public static ParseProblem headlineProblem(String headline, int maxChars) {
        if (Text.isBlank(headline)) {
            return ParseProblem.error("headline", null, "the headline is blank");
        }
        if (headline.chars().anyMatch(c -> isControl(c) || c == '\n' || c == '\r')) {
            return ParseProblem.error(
                    "headline",
                    null,
                    "the headline must be one line without control characters: " + Text.quoted(headline));
        }
        int chars = headline.codePointCount(0, headline.length());
        if (chars > maxChars) {
            return ParseProblem.error(
                    "headline_too_long",
                    null,
                    "the headline is " + chars + " characters long, more than the limit of " + maxChars);
        }
        return null;
    }

    /**
     * What is wrong with a publication date, wherever it is set (a file, a correction), without a line number; null
     * when nothing is. Code {@code date}: before {@link #EARLIEST} or more than one day after {@code today} (UTC).
     */
    public static ParseProblem dateProblem(LocalDate date, LocalDate today) {
        LocalDate latest = today.plusDays(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            return ParseProblem.error(
                    "date", null, date + " is outside the accepted range " + EARLIEST + " to " + latest);
        }
        return null;
    }

    /** @param today the UTC date of the ingest; dates up to one day later are accepted */
    public ParseResult parse(byte[] bytes, LocalDate today) {
        if (bytes.length == 0) {
            return rejected(List.of(ParseProblem.error("empty", null, "the file is empty")), sha256(bytes));
        }
        if (bytes.length > maxBytes) {
            return rejected(
                    List.of(ParseProblem.error(
                            "too_large", null, "the file is larger than the limit of " + maxBytes + " bytes")),
                    null);
        }
        List<ParseProblem> problems = new ArrayList<>();
        int start = hasByteOrderMark(bytes) ? 3 : 0;
        findBinary(bytes, start, problems);
        String text = decode(bytes, start, problems);
        List<String> lines = text.lines().map(String::strip).toList();

        String headline = lines.isEmpty() ? "" : lines.get(0);
        ParseProblem headlineProblem = headlineProblem(headline, maxHeadlineChars);
        if (headlineProblem != null) {
            problems.add(
                    ParseProblem.error(headlineProblem.code(), HEADLINE_LINE, "line 1: " + headlineProblem.message()));
        }
        LocalDate published = date(lines.size() > 1 ? lines.get(1) : null, today, problems);
        ArticleUrl url = url(lines.size() > 2 ? lines.get(2) : null, maxUrlBytes, problems);
        List<String> sentences = lines.size() > 3
                ? lines.subList(3, lines.size()).stream()
                        .filter(s -> !Text.isBlank(s))
                        .toList()
                : List.of();
        if (sentences.isEmpty() && lines.size() >= URL_LINE) {
            problems.add(ParseProblem.warning("body_empty", null, "the article has no body: no text after line 3"));
        }

        if (problems.stream().anyMatch(ParseProblem::isError)) {
            return rejected(problems, sha256(bytes));
        }
        return new ParseResult(
                new ParsedArticle(headline, published, url, sentences, wordCount(sentences)),
                List.copyOf(problems),
                sha256(bytes));
    }

    private static ParseResult rejected(List<ParseProblem> problems, String sha256) {
        return new ParseResult(null, List.copyOf(problems), sha256);
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** Reports the first control byte other than tab, LF and CR. */
    private static void findBinary(byte[] bytes, int start, List<ParseProblem> problems) {
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (isControl(b)) {
                String name = b == 0 ? "NUL" : b == 0x7F ? "DEL" : "control byte";
                problems.add(ParseProblem.error(
                        "binary",
                        lineAt(bytes, start, i),
                        String.format(
                                Locale.ROOT,
                                "line %d: %s (0x%02X) at byte %d; this is not a text file",
                                lineAt(bytes, start, i),
                                name,
                                b,
                                i)));
                return;
            }
        }
    }

    /** A control character other than tab and the line ends: never text, and PostgreSQL refuses NUL. */
    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    /** Decodes strictly to find invalid UTF-8, then leniently so that the other rules can still be checked. */
    private static String decode(byte[] bytes, int start, List<ParseProblem> problems) {
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(input).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidOffset(bytes, start);
            int line = lineAt(bytes, start, bad);
            problems.add(ParseProblem.error(
                    "encoding",
                    line,
                    String.format(
                            Locale.ROOT,
                            "line %d: invalid UTF-8 at byte %d (0x%02X); save the file as UTF-8",
                            line,
                            bad,
                            bytes[bad] & 0xFF)));
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        }
    }

    private static int firstInvalidOffset(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(input, output, true);
        return input.position();
    }

    /** The 1-based line holding byte {@code offset}; CRLF, LF and a lone CR each end a line. */
    private static int lineAt(byte[] bytes, int start, int offset) {
        int line = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static LocalDate date(String line, LocalDate today, List<ParseProblem> problems) {
        if (line == null || line.isEmpty()) {
            problems.add(ParseProblem.error("date", DATE_LINE, "line 2: the publication date (YYYYMMDD) is missing"));
            return null;
        }
        if (!line.matches("[0-9]{8}")) {
            problems.add(ParseProblem.error(
                    "date", DATE_LINE, "line 2: " + Text.quoted(line) + " is not a date in the form YYYYMMDD"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(line, DATE);
        } catch (DateTimeParseException e) {
            problems.add(ParseProblem.error("date", DATE_LINE, "line 2: " + line + " is not a real calendar date"));
            return null;
        }
        ParseProblem dateProblem = dateProblem(date, today);
        if (dateProblem != null) {
            problems.add(ParseProblem.error(dateProblem.code(), DATE_LINE, "line 2: " + dateProblem.message()));
            return null;
        }
        return date;
    }

    private static ArticleUrl url(String line, int maxBytes, List<ParseProblem> problems) {
        if (line == null || line.isEmpty()) {
            problems.add(ParseProblem.error("url", URL_LINE, "line 3: the source URL is missing"));
            return null;
        }
        try {
            return ArticleUrl.parse(line, maxBytes);
        } catch (ArticleUrl.TooLong e) {
            problems.add(ParseProblem.error("url_too_long", URL_LINE, "line 3: " + e.getMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(ParseProblem.error("url", URL_LINE, "line 3: " + e.getMessage()));
            return null;
        }
    }

    /** Whitespace-separated tokens holding at least one letter or digit. */
    private static int wordCount(List<String> sentences) {
        int words = 0;
        for (String sentence : sentences) {
            for (String token : sentence.split("\\s+")) {
                if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words++;
                }
            }
        }
        return words;
    }

    /** The SHA-256 of a file's bytes in lower-case hex, as ingest takes it and fixity checks compare with it. */
    public static String sha256(byte[] bytes) {
        return Hashing.sha256().hashBytes(bytes).toString();
    }
}
