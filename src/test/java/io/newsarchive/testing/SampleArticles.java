package io.newsarchive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two sample articles of {@code corpus/}, the Daily Mail's of 2022-01-21 and the Mirror's of 2022-01-22 on the
 * same talks, and the four passages both carry.
 */
public final class SampleArticles {

    public static final Path DAILY_MAIL = Path.of("corpus", "000_28c74cb9421b98cb.txt");
    public static final Path MIRROR = Path.of("corpus", "004_98e6798b2e6f9125.txt");

    /**
     * A passage both carry, written differently: its sentence in each body, from 0.
     *
     * @param name words of it, to tell which failed
     */
    public record SharedPair(String name, int dailyMail, int mirror) {

        public String dailyMailSentence() {
            return sentences(DAILY_MAIL).get(dailyMail);
        }

        public String mirrorSentence() {
            return sentences(MIRROR).get(mirror);
        }
    }

    /** Read off the two files: the same quote, quoted and punctuated in each outlet's style. */
    public static final List<SharedPair> SHARED = List.of(
            new SharedPair("Washington Post", 55, 19),
            new SharedPair("If we conclude", 58, 17),
            new SharedPair("Kharkiv", 64, 14),
            new SharedPair("our concerns and ideas", 72, 13));

    private SampleArticles() {}

    /** The body of a sample, a sentence a line after the headline, date and URL lines. */
    public static List<String> sentences(Path sample) {
        List<String> lines = lines(sample);
        return lines.subList(3, lines.size());
    }

    /** The sample file's text with another URL on line 3, so that it is stored as a new article. */
    public static String atUrl(Path sample, String url) {
        List<String> lines = new ArrayList<>(lines(sample));
        lines.set(2, url);
        return String.join("\n", lines) + "\n";
    }

    private static List<String> lines(Path sample) {
        try {
            return Files.readAllLines(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
