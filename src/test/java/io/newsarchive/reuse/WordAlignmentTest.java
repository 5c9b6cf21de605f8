package io.newsarchive.reuse;

import io.newsarchive.testing.SampleArticles;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordAlignmentTest {

    private static int words(String text) {
        return SentenceWords.of(text).words().size();
    }

    private static Optional<WordAlignment> align(String a, String b) {
        return WordAlignment.of(SentenceWords.of(a).words(), SentenceWords.of(b).words());
    }

    /** The sample pair's alignment, Daily Mail first. */
    private static WordAlignment samples(int pair) {
        SampleArticles.SharedPair p = SampleArticles.SHARED.get(pair);
        WordAlignment al = align(p.dailyMailSentence(), p.mirrorSentence()).orElseThrow(() -> new AssertionError(p));
        assertTrue(al.matched() >= PassageKeys.MIN_WORDS, p.name());
        return al;
    }

    @Test
    void theWashingtonPostSentenceIsTheSameWordForWord() {
        int all = words(SampleArticles.SHARED.get(0).dailyMailSentence());
        assertEquals(new WordAlignment(0, all, 0, all, all), samples(0));
        assertEquals(1.0, samples(0).score());
    }

    @Test
    void ifWeConcludeSpansTheQuoteInBoth() {
        // the Daily Mail quotes it, then "Blinken said"; the Mirror puts the speaker first and drops "to" from it
        int quote = words("'If we conclude and the Russians conclude that the best way to resolve things is through a"
                + " further conversation between them, we're certainly prepared to do that,'");
        int speaker = words("Blinken said of another potential meeting between Biden and Putin:");
        assertEquals(new WordAlignment(0, quote, speaker, speaker + quote - 1, quote - 1), samples(1));
        assertEquals((quote - 1) / (double) quote, samples(1).score());
    }

    @Test
    void kharkivIsTheSameWordForWord() {
        int all = words(SampleArticles.SHARED.get(2).mirrorSentence());
        assertEquals(new WordAlignment(0, all, 0, all, all), samples(2));
    }

    @Test
    void ourConcernsSpansTheQuotedWordsBothShareUpToTheGapTheMirrorFillsWithLavrov() {
        int mailFrom = words("'We anticipate that we will be able");
        int mirrorFrom = words("Blinken said he expected");
        // the Mirror adds an "and" after "detail"
        int shared = words("to share with Russia our concerns and ideas in more detail in writing next week and");
        assertEquals(
                new WordAlignment(mailFrom, mailFrom + shared, mirrorFrom, mirrorFrom + shared + 1, shared),
                samples(3),
                "\"agreed to further discussions after that\", after \"we\" against \"said he and Lavrov had\", is"
                        + " too far to belong");
    }

    @Test
    void sentencesSharingCommonWordsAndANameAreNoPassage() {
        // ten words in a row, but only "Monday" and "able" tell anything
        assertEquals(
                Optional.empty(),
                align(
                        "Vladimir Putin said on Monday that he would not be able to travel to Geneva for the summit.",
                        "The mayor of Kyiv said on Monday that he would not be able to attend the talks with Putin."));
        assertEquals(
                Optional.empty(),
                align(
                        "Vladimir Putin will meet the leaders of the G7 in the spring to discuss the price of gas.",
                        "Vladimir Putin has denied that any of the troops in the region are there to invade."));
    }

    @Test
    void aStrayRunFarFromThePassageIsTrimmed() {
        String head = "Ukraine says Russian troops massed near its eastern border overnight";
        WordAlignment al = align(
                        head + " while diplomats in several European capitals argued about sanctions and gas prices,"
                                + " officials said.",
                        head + " and the president asked the allies for more weapons and money to defend the capital,"
                                + " officials said.")
                .orElseThrow();
        int n = words(head);
        assertEquals(new WordAlignment(0, n, 0, n, n), al, "\"officials said\" at the end is left out");
    }

    @Test
    void aPassageInsideLongerSentencesIsFoundWhereItIs() {
        String quote = "we are certainly prepared to resolve things through a further conversation";
        WordAlignment al = align(
                        "Speaking in Geneva on Friday, Blinken said " + quote + ", before flying home.",
                        "'" + quote + ",' he told reporters.")
                .orElseThrow();
        int before = words("Speaking in Geneva on Friday, Blinken said");
        assertEquals(new WordAlignment(before, before + words(quote), 0, words(quote), words(quote)), al);
    }
}
