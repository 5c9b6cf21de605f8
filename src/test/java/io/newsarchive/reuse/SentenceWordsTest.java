package io.newsarchive.reuse;

import io.newsarchive.testing.SampleArticles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceWordsTest {

    /** Every quote mark the brief names: straight, curly single and double, and guillemets. */
    private static final List<String> QUOTES = List.of("'", "\"", "‘", "’", "“", "”", "«", "»");
    /** Of those, the ones that are apostrophes when a letter comes before and after. */
    private static final List<String> APOSTROPHES = List.of("'", "‘", "’");

    private static List<String> words(String sentence) {
        return SentenceWords.of(sentence).words();
    }

    @Test
    void wordsAreCompatibilityNormalizedAndLowerCased() {
        assertEquals(
                List.of("kharkiv", "finance", "xii", "2", "über", "über"), words("ＫＨＡＲＫＩＶ ﬁnance Ⅻ ² ÜBER U\u0308ber"));
    }

    @Test
    void combiningMarksStayInTheirWord() {
        assertEquals(List.of("हिन्दी", "समाचार"), words("हिन्दी समाचार।"));
    }

    @Test
    void anApostropheOfAnyStyleInsideAWordIsDropped() {
        for (String written : List.of("We’re", "we're", "WE'RE", "We‘re", "Weʼre", "We`re", "We´re", "We′re")) {
            assertEquals(List.of("were", "here"), words(written + " here"), written);
        }
    }

    @Test
    void everyQuoteMarkIsAGapBetweenWords() {
        for (String q : QUOTES) {
            assertEquals(List.of("one", "two"), words("one" + q + " two"), q);
            assertEquals(List.of("one", "two"), words("one " + q + "two"), q);
            List<String> between = APOSTROPHES.contains(q) ? List.of("onetwo") : List.of("one", "two");
            assertEquals(between, words("one" + q + "two"), q);
        }
    }

    @Test
    void everyQuoteMarkBoundsAStretch() {
        for (String open : QUOTES) {
            for (String close : QUOTES) {
                SentenceWords s = SentenceWords.of(
                        "Blinken said " + open + "we will share our concerns in writing" + close + " on Friday.");
                assertEquals(
                        List.of(
                                "blinken",
                                "said",
                                "we",
                                "will",
                                "share",
                                "our",
                                "concerns",
                                "in",
                                "writing",
                                "on",
                                "friday"),
                        s.words(),
                        open + close);
                assertEquals(List.of(new SentenceWords.Stretch(2, 9)), s.stretches(), open + close);
            }
        }
    }

    @Test
    void aSpaceBeforeAColonChangesNothing() {
        assertEquals(
                SentenceWords.of("He told the Washington Post:'I will say realistically'"),
                SentenceWords.of("He told the Washington Post : 'I will say realistically'"));
        // the samples write the same sentence so, and with other quote marks
        SampleArticles.SharedPair post = SampleArticles.SHARED.get(0);
        assertEquals(words(post.dailyMailSentence()), words(post.mirrorSentence()));
    }

    @Test
    void wordsPastTheCapAreNotRead() {
        String book = IntStream.range(0, SentenceWords.MAX_WORDS + 500)
                .mapToObj(i ->
                        i == SentenceWords.MAX_WORDS + 100 || i == SentenceWords.MAX_WORDS + 120 ? "\"w" + i : "w" + i)
                .collect(Collectors.joining(" "));
        SentenceWords s = SentenceWords.of(book);
        assertEquals(SentenceWords.MAX_WORDS, s.words().size());
        assertEquals("w" + (SentenceWords.MAX_WORDS - 1), s.words().get(SentenceWords.MAX_WORDS - 1));
        assertEquals(List.of(), s.stretches(), "a quote past the cap is not read either");
    }
}
