package io.newsarchive.corpus;

import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per rule of the corpus file format. */
class ArticleParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String URL = "https://www.example.com/news/1";

    private final ArticleParser parser = new ArticleParser(1000, 100, 200);

    private ParseResult parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    private static String file(String headline, String date, String url, String... body) {
        return headline + "\n" + date + "\n" + url + "\n" + String.join("\n", body) + "\n";
    }

    /** The single problem of a rejected file. */
    private static ParseProblem onlyProblem(ParseResult result) {
        assertNull(result.article(), "rejected");
        assertEquals(1, result.problems().size(), result.problems().toString());
        return result.problems().get(0);
    }

    @Test
    void aValidFileGivesItsArticle() {
        ParseResult result = parse(file("Talks end", "20220121", URL, "One sentence.", "Two sentences here."));

        ParsedArticle a = result.article();
        assertNotNull(a);
        assertEquals(List.of(), result.problems());
        assertEquals("Talks end", a.headline());
        assertEquals(LocalDate.of(2022, 1, 21), a.published());
        assertEquals(URL, a.url().url());
        assertEquals(List.of("One sentence.", "Two sentences here."), a.sentences());
    }

    @Test
    void anEmptyFileIsRejected() {
        ParseProblem p = onlyProblem(parser.parse(new byte[0], TODAY));
        assertEquals("empty", p.code());
        assertNull(p.line());
    }

    @Test
    void aFileOverTheLimitIsRejectedWithoutChecksum() {
        ParseResult result = parser.parse(new byte[1001], TODAY);
        ParseProblem p = onlyProblem(result);
        assertEquals("too_large", p.code());
        assertTrue(p.message().contains("1000"), p.message());
        assertNull(result.sha256());
        assertNotNull(
                parser.parse(file("H", "20220121", URL, "x".repeat(900)).getBytes(StandardCharsets.UTF_8), TODAY)
                        .article(),
                "a file at the limit is accepted");
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() {
        ParseResult result = parse("\uFEFF" + file("Headline", "20220121", URL, "Body."));
        assertEquals("Headline", result.article().headline());
    }

    @Test
    void invalidUtf8IsRejectedWithItsLine() {
        byte[] text =
                file("Headline", "20220121", URL, "Caf\u00e9 ok.", "bad here").getBytes(StandardCharsets.ISO_8859_1);
        ParseProblem p = onlyProblem(parser.parse(text, TODAY));
        assertEquals("encoding", p.code());
        assertEquals(4, p.line());
    }

    @Test
    void invalidUtf8DoesNotHideOtherProblems() {
        byte[] text = ("Caf\u00e9\n2022-01-21\n" + URL + "\nBody.\n").getBytes(StandardCharsets.ISO_8859_1);
        ParseResult result = parser.parse(text, TODAY);
        assertEquals(
                List.of("encoding", "date"),
                result.problems().stream().map(ParseProblem::code).toList());
    }

    @Test
    void aNulByteIsBinaryWithItsLine() {
        ParseProblem p = onlyProblem(parse(file("Headline", "20220121", URL, "Body.", "bad\0byte")));
        assertEquals("binary", p.code());
        assertEquals(5, p.line());
        assertTrue(p.message().contains("NUL"), p.message());
    }

    @Test
    void otherControlBytesAreBinary() {
        assertEquals(
                List.of("binary", "headline"),
                parse(file("Bell\u0007", "20220121", URL, "Body.")).problems().stream()
                        .map(ParseProblem::code)
                        .toList(),
                "a control character is no headline either");
        assertEquals(
                "binary",
                onlyProblem(parse(file("Headline", "20220121", URL, "Escape \u001b[0m")))
                        .code());
        assertEquals(
                "binary",
                onlyProblem(parse(file("Headline", "20220121", URL, "Delete \u007f")))
                        .code());
    }

    @Test
    void tabsAreText() {
        ParseResult result = parse(file("Head\tline", "20220121", URL, "Column\tseparated."));
        assertEquals("Head\tline", result.article().headline());
        assertEquals(List.of("Column\tseparated."), result.article().sentences());
    }

    @Test
    void lfCrlfAndLoneCrEndLinesAlike() {
        ParsedArticle lf = parse("H\n20220121\n" + URL + "\nOne.\nTwo.\n").article();
        ParsedArticle crlf =
                parse("H\r\n20220121\r\n" + URL + "\r\nOne.\r\nTwo.\r\n").article();
        ParsedArticle cr = parse("H\r20220121\r" + URL + "\rOne.\rTwo.\r").article();
        ParsedArticle mixed = parse("H\r\n20220121\r" + URL + "\nOne.\r\nTwo.").article();
        assertEquals(lf, crlf);
        assertEquals(lf, cr);
        assertEquals(lf, mixed);
        assertEquals(List.of("One.", "Two."), lf.sentences());
    }

    @Test
    void everyLineIsTrimmed() {
        ParsedArticle a = parse("  Headline \t\n 20220121 \n\t" + URL + "  \n   Body one.   \n")
                .article();
        assertEquals("Headline", a.headline());
        assertEquals(LocalDate.of(2022, 1, 21), a.published());
        assertEquals(URL, a.url().url());
        assertEquals(List.of("Body one."), a.sentences());
    }

    @Test
    void aBlankHeadlineIsRejected() {
        ParseProblem p = onlyProblem(parse(file("   ", "20220121", URL, "Body.")));
        assertEquals("headline", p.code());
        assertEquals(1, p.line());
    }

    @Test
    void aHeadlineOfOnlyInvisibleCharactersIsBlank() {
        for (String invisible :
                List.of("\u00A0", "\u200B", "\uFEFF", "\u0085", "\u2060", " \u00A0\u200B\u2060\u0085 ")) {
            ParseProblem p = onlyProblem(parse(file(invisible, "20220121", URL, "Body.")));
            assertEquals(
                    "headline",
                    p.code(),
                    invisible
                            .codePoints()
                            .mapToObj(Integer::toHexString)
                            .toList()
                            .toString());
        }
        assertNotNull(
                parse(file("\u00A0Talks\u200Bend", "20220121", URL, "Body.")).article());
    }

    @Test
    void aQuotedLineShowsControlCharactersEscapedAndIsCut() {
        ParseResult nul = parse("Headline\n2022\0" + "0121\nhttps://example.com/a\0b\nBody.\n");
        assertEquals(
                List.of("binary", "date", "url"),
                nul.problems().stream().map(ParseProblem::code).toList());
        for (ParseProblem p : nul.problems()) {
            assertTrue(p.message().chars().noneMatch(Character::isISOControl), p.message());
        }
        assertTrue(
                nul.problems().get(1).message().contains("2022\\u00000121"),
                nul.problems().get(1).message());
        assertTrue(
                nul.problems().get(2).message().contains("a\\u0000b"),
                nul.problems().get(2).message());

        ArticleParser large = new ArticleParser(10 * 1024 * 1024, 1000, 2000);
        String longLine = "9".repeat(5_000_000);
        ParseResult result = large.parse(
                file("H", longLine, "https://example.com/" + longLine, "Body.").getBytes(StandardCharsets.UTF_8),
                TODAY);
        assertEquals(
                List.of("date", "url_too_long"),
                result.problems().stream().map(ParseProblem::code).toList());
        for (ParseProblem p : result.problems()) {
            assertTrue(p.message().length() < 400, p.message().length() + " characters");
        }
    }

    @Test
    void aHeadlineOverItsLimitIsRejected() {
        assertNotNull(parse(file("ü".repeat(100), "20220121", URL, "Body.")).article(), "characters, not bytes");
        ParseProblem p = onlyProblem(parse(file("h".repeat(101), "20220121", URL, "Body.")));
        assertEquals("headline_too_long", p.code());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("101 characters"), p.message());
    }

    @Test
    void aUrlOverItsLimitInBytesIsRejected() {
        String at = "https://example.com/" + "a".repeat(180);
        assertNotNull(parse(file("H", "20220121", at, "Body.")).article());
        ParseProblem p = onlyProblem(parse(file("H", "20220121", at + "b", "Body.")));
        assertEquals("url_too_long", p.code());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("201 bytes"), p.message());
        assertEquals(
                "url_too_long",
                onlyProblem(parse(file("H", "20220121", "https://example.com/" + "é".repeat(91), "Body.")))
                        .code(),
                "each é is two bytes");
        assertEquals(
                "url_too_long",
                onlyProblem(parse(file("H", "20220121", "https://example.com?" + "a".repeat(180), "Body.")))
                        .code(),
                "the normalized URL gains a / for its empty path");
    }

    @Test
    void aPortAbove65535IsRejected() {
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "https://example.com:65536/a", "Body.")))
                        .code());
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "https://example.com:99999/a", "Body.")))
                        .code());
    }

    @Test
    void anotherDateStyleIsRejectedNotGuessed() {
        ParseProblem p = onlyProblem(parse(file("H", "2022-01-21", URL, "Body.")));
        assertEquals("date", p.code());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("YYYYMMDD"), p.message());
        assertEquals(
                "date", onlyProblem(parse(file("H", "220121", URL, "Body."))).code());
        assertEquals(
                "date",
                onlyProblem(parse(file("H", "21 January 2022", URL, "Body."))).code());
    }

    @Test
    void aDateThatIsNotOnTheCalendarIsRejected() {
        ParseProblem p = onlyProblem(parse(file("H", "20220230", URL, "Body.")));
        assertEquals("date", p.code());
        assertEquals(2, p.line());
        assertEquals(
                "date", onlyProblem(parse(file("H", "20211301", URL, "Body."))).code());
        assertNotNull(parse(file("H", "20240229", URL, "Body.")).article(), "a leap day is a date");
    }

    @Test
    void aDateBefore1700IsRejected() {
        assertEquals(
                "date", onlyProblem(parse(file("H", "16991231", URL, "Body."))).code());
        assertNotNull(parse(file("H", "17000101", URL, "Body.")).article());
    }

    @Test
    void aDateMoreThanOneDayAfterTheIngestIsRejected() {
        assertNotNull(parse(file("H", "20261126", URL, "Body.")).article(), "tomorrow is accepted");
        ParseProblem p = onlyProblem(parse(file("H", "20261127", URL, "Body.")));
        assertEquals("date", p.code());
        assertEquals(2, p.line());
    }

    @Test
    void aCorrectionMeetsTheSameDateRuleWithoutALine() {
        assertNull(ArticleParser.dateProblem(LocalDate.of(2026, 11, 26), TODAY));
        assertNull(ArticleParser.dateProblem(ArticleParser.EARLIEST, TODAY));
        ParseProblem p = ArticleParser.dateProblem(LocalDate.of(2026, 11, 27), TODAY);
        assertEquals("date", p.code());
        assertNull(p.line());
        assertEquals("2026-11-27 is outside the accepted range 1700-01-01 to 2026-11-26", p.message());
    }

    @Test
    void aMissingDateIsRejected() {
        ParseResult result = parse("Headline only\n");
        assertEquals(
                List.of("date", "url"),
                result.problems().stream().map(ParseProblem::code).toList());
        assertEquals(2, result.problems().get(0).line());
    }

    @Test
    void aUrlWithASpaceIsRejected() {
        ParseProblem p = onlyProblem(parse(file("H", "20220121", "https://example.com/a b", "Body.")));
        assertEquals("url", p.code());
        assertEquals(3, p.line());
    }

    @Test
    void aRelativeUrlIsRejected() {
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "/news/1", "Body."))).code());
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "www.example.com/news/1", "Body.")))
                        .code());
    }

    @Test
    void onlyHttpAndHttpsAreAccepted() {
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "ftp://example.com/news/1", "Body.")))
                        .code());
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "mailto:desk@example.com", "Body.")))
                        .code());
        assertNotNull(
                parse(file("H", "20220121", "HTTP://example.com/", "Body.")).article());
    }

    @Test
    void aUrlWithoutHostIsRejected() {
        assertEquals(
                "url",
                onlyProblem(parse(file("H", "20220121", "https:///news/1", "Body.")))
                        .code());
    }

    @Test
    void aFileOfTwoLinesIsMissingItsUrl() {
        ParseProblem p = onlyProblem(parse("Headline\n20220121\n"));
        assertEquals("url", p.code());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("missing"), p.message());
    }

    @Test
    void blankBodyLinesAreDropped() {
        ParsedArticle a = parse(file("H", "20220121", URL, "", "One.", "   ", "", "Two.", "\t", "\u00A0\u200B"))
                .article();
        assertEquals(List.of("One.", "Two."), a.sentences());
    }

    @Test
    void aFileWithoutBodyIsAcceptedWithAWarning() {
        ParseResult result = parse("Headline\n20220121\n" + URL + "\n\n  \n");
        assertNotNull(result.article());
        assertEquals(List.of(), result.article().sentences());
        ParseProblem p = result.problems().get(0);
        assertEquals("body_empty", p.code());
        assertEquals(ParseProblem.Severity.WARNING, p.severity());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ParseResult result = parse("\n20220230\nnot a url\nBody.\n");
        assertNull(result.article());
        assertEquals(
                List.of("headline", "date", "url"),
                result.problems().stream().map(ParseProblem::code).toList());
        assertEquals(
                List.of(1, 2, 3),
                result.problems().stream().map(ParseProblem::line).toList());
    }

    @Test
    void theChecksumIsOfTheExactBytesIncludingTheByteOrderMark() throws Exception {
        byte[] bytes = ("\uFEFF" + file("H", "20220121", URL, "Body."))
                .replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String expected = Hashing.sha256().hashBytes(bytes).toString();
        assertEquals(expected, parser.parse(bytes, TODAY).sha256());
    }

    @Test
    void wordsAreTokensWithALetterOrDigit() {
        ParsedArticle a = parse(file("Not counted", "20220121", URL, "It's 1.4 million - people!", "Über — naïve 🙂"))
                .article();
        assertEquals(6, a.wordCount());
    }

    @Test
    void theRealSampleFilesParse() throws Exception {
        ArticleParser standard = new ArticleParser(10 * 1024 * 1024, 1000, 2000);
        ParseResult mail = standard.parse(Files.readAllBytes(Path.of("corpus", "000_28c74cb9421b98cb.txt")), TODAY);
        ParseResult mirror = standard.parse(Files.readAllBytes(Path.of("corpus", "004_98e6798b2e6f9125.txt")), TODAY);

        assertEquals(List.of(), mail.problems());
        assertTrue(mail.article().headline().startsWith("US admit there has been no breakthrough with Russia"));
        assertEquals(LocalDate.of(2022, 1, 21), mail.article().published());
        assertEquals("dailymail.co.uk", mail.article().url().host());
        assertEquals("dailymail.co.uk", mail.article().url().domain());
        assertTrue(mail.article().sentences().size() > 10);
        assertEquals(List.of(), mirror.problems());
        assertEquals(LocalDate.of(2022, 1, 22), mirror.article().published());
        assertEquals("mirror.co.uk", mirror.article().url().domain());
        assertTrue(mirror.article().sentences().size() > 5);
    }
}
