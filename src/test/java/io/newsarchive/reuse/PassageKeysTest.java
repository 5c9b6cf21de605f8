package io.newsarchive.reuse;

import io.newsarchive.testing.SampleArticles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageKeysTest {

    private static List<PassageKeys.Unit> units(String... sentences) {
        return PassageKeys.units(Arrays.stream(sentences).map(SentenceWords::of).toList());
    }

    /** The unit of a whole sentence. */
    private static PassageKeys.Unit unit(List<String> words) {
        return PassageKeys.unit(0, 0, words.size(), words);
    }

    /** The bands in which a passage linked after another finds the other's stored key among its lookup keys. */
    private static int bandsFound(PassageKeys.Unit later, PassageKeys.Unit earlier) {
        int found = 0;
        for (int band = 0; band < PassageKeys.BANDS; band++) {
            found += foundInBand(later, earlier, band) ? 1 : 0;
        }
        return found;
    }

    private static boolean foundInBand(PassageKeys.Unit later, PassageKeys.Unit earlier, int band) {
        int stored = earlier.stored()[band];
        return Arrays.stream(later.lookup()).anyMatch(k -> k == stored);
    }

    /** Whether any unit of the later sentence is looked up under a key stored for a unit of the earlier one. */
    private static boolean finds(List<PassageKeys.Unit> later, List<PassageKeys.Unit> earlier) {
        return later.stream().anyMatch(l -> earlier.stream().anyMatch(e -> bandsFound(l, e) > 0));
    }

    @Test
    void theSamplesFindEachOthersWordingOfTheirSharedPassages() {
        for (SampleArticles.SharedPair pair : SampleArticles.SHARED) {
            List<PassageKeys.Unit> mail = units(pair.dailyMailSentence());
            List<PassageKeys.Unit> mirror = units(pair.mirrorSentence());
            // either may be linked first
            assertTrue(finds(mirror, mail), pair.name() + ": the Mirror finds the Daily Mail");
            assertTrue(finds(mail, mirror), pair.name() + ": the Daily Mail finds the Mirror");
        }
    }

    @Test
    void aWordingWithAWordMoreFindsTheOtherInTheFirstBand() {
        List<String> words = SentenceWords.of(SampleArticles.SHARED.get(2).dailyMailSentence())
                .words();
        PassageKeys.Unit original = unit(words);
        for (int i = 0; i < words.size(); i++) {
            List<String> dropped = new ArrayList<>(words);
            String gone = dropped.remove(i);
            assertTrue(foundInBand(original, unit(dropped), 0), "the original linked after a wording without " + gone);
        }
        for (String more : List.of("reportedly", "eastern", "city", "Moscow", "allegedly", "now", "war", "2022")) {
            List<String> added = new ArrayList<>(words);
            added.add(words.size() / 2, more.toLowerCase());
            assertTrue(
                    foundInBand(unit(added), original, 0),
                    "a wording with " + more + " added, linked after the original");
        }
    }

    @Test
    void theLookupKeysHoldTheStoredOnes() {
        PassageKeys.Unit u =
                units(SampleArticles.SHARED.get(0).dailyMailSentence()).get(0);
        assertEquals(PassageKeys.BANDS, u.stored().length);
        assertEquals(PassageKeys.BANDS, bandsFound(u, u));
        assertEquals(PassageKeys.BANDS + 3, u.lookup().length, "each band's key and the first band's three variants");
    }

    @Test
    void aSentenceOfFewerThanEightWordsIsNoPassage() {
        assertEquals(List.of(), units("Russia massed troops near Ukraine's eastern border."));
        List<PassageKeys.Unit> eight = units("Russia massed troops near Ukraine's eastern border overnight.");
        assertEquals(1, eight.size());
        assertEquals(
                List.of(0, 0, 8),
                List.of(
                        eight.get(0).sentence(),
                        eight.get(0).from(),
                        eight.get(0).to()));
    }

    @Test
    void aRunOfCommonWordsHasNoKeys() {
        for (String common :
                List.of("And then it was over for all of them.", "He said that it was all over for Putin and Biden.")) {
            List<PassageKeys.Unit> units = units(common);
            assertEquals(1, units.size(), common);
            assertArrayEquals(new int[0], units.get(0).stored(), common);
            assertArrayEquals(new int[0], units.get(0).lookup(), common);
        }
        assertEquals(
                PassageKeys.BANDS,
                units("He said that it was all over for Putin, Biden and Zelensky.")
                        .get(0)
                        .stored()
                        .length,
                "three words besides common ones make keys");
    }

    @Test
    void aQuotedStretchIsAPassageOfItsOwnWhenLongEnoughAndNotTheWholeSentence() {
        // quotes of seven words, of eight, and a sentence that is all quote
        List<PassageKeys.Unit> seven =
                units("Blinken said the talks were 'useful, candid and very frank, he thought' on Friday.");
        assertEquals(1, seven.size());
        List<PassageKeys.Unit> eight =
                units("Blinken said the talks were 'useful, candid and very frank, he thought, overall' on Friday.");
        assertEquals(2, eight.size());
        assertEquals(List.of(0, 15), List.of(eight.get(0).from(), eight.get(0).to()));
        assertEquals(List.of(5, 13), List.of(eight.get(1).from(), eight.get(1).to()));
        List<PassageKeys.Unit> whole = units("'Useful, candid and frank talks on Friday in Geneva,' overall.");
        assertEquals(2, whole.size(), "one word outside the quote: the quote is a passage");
        assertEquals(
                1,
                units("'Useful, candid and frank talks on Friday in Geneva overall.'")
                        .size());
    }
}
