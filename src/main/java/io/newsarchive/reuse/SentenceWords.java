package io.newsarchive.reuse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence as reuse compares it: its words after Unicode NFKC and case folding, with an apostrophe of any style
 * inside a word dropped ({@code We’re} and {@code we're} are both {@code were}) and every other mark, quote, dash or
 * space taken as a gap between words. Also where its quoted stretches start and end, since an outlet often quotes
 * only part of a sentence another outlet wrote.
 *
 * @param words the words, in order
 * @param stretches the word ranges between two quote marks, in order
 */
public record SentenceWords(List<String> words, List<SentenceWords.Stretch> stretches) {

    /** Words {@code [from, to)} of a sentence. */
    public record Stretch(int from, int to) {
        int length() {
            return to - from;
        }
    }

    /** Words past this many in one line are not compared: a line of a whole book would hold a core for seconds. */
    static final int MAX_WORDS = 1_000;

    /** The words of a sentence and its quoted stretches. */
    public static SentenceWords of(String sentence) {
        // NFKC would make an acute accent used as an apostrophe a space and a combining accent
        String text = Normalizer.normalize(sentence.replace('\u00b4', '\''), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        List<Integer> quoteAt = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length() && words.size() < MAX_WORDS) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean apostrophe = isApostrophe(c);
            if (apostrophe && word.length() > 0 && next < text.length() && Character.isLetter(text.codePointAt(next))) {
                // a letter follows and one came before: an apostrophe in a word, not a quote mark
            } else if (!apostrophe && (Character.isLetterOrDigit(c) || (isMark(c) && word.length() > 0))) {
                // a mark (a Devanagari vowel sign, say) belongs to the letter before it; the apostrophe U+02BC is a
                // letter to Java, not here
                word.appendCodePoint(c);
            } else {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (isQuote(c)) {
                    quoteAt.add(words.size());
                }
            }
            i = next;
        }
        if (word.length() > 0 && words.size() < MAX_WORDS) {
            words.add(word.toString());
        }
        List<Stretch> stretches = new ArrayList<>();
        for (int q = 1; q < quoteAt.size(); q++) {
            if (quoteAt.get(q) > quoteAt.get(q - 1)) {
                stretches.add(new Stretch(quoteAt.get(q - 1), quoteAt.get(q)));
            }
        }
        return new SentenceWords(List.copyOf(words), List.copyOf(stretches));
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`' || c == '\u2032';
    }

    private static boolean isQuote(int c) {
        return isApostrophe(c)
                || c == '"'
                || c == '\u201c'
                || c == '\u201d'
                || c == '\u201e'
                || c == '\u201f'
                || c == '\u201a'
                || c == '\u201b'
                || c == '\u00ab'
                || c == '\u00bb'
                || c == '\u2039'
                || c == '\u203a'
                || c == '\u2033';
    }
}
