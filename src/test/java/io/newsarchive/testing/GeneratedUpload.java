package io.newsarchive.testing;

import com.google.common.hash.Hashing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A zip of generated articles (fixed seed): each with a URL of its own, plus a byte-for-byte copy of every 100th
 * under another name and a revision (same URL, other text) of every 150th, each after its original.
 *
 * @param files     entries in the zip
 * @param distinct  the SHA-256 of each different file
 * @param revisions how many files revise another
 */
public record GeneratedUpload(Path zip, int files, Set<String> distinct, int revisions) {

    private static final String[] SOURCES = {
        "bbc.co.uk",
        "theguardian.com",
        "reuters.com",
        "apnews.com",
        "aljazeera.com",
        "dw.com",
        "france24.com",
        "npr.org",
        "independent.co.uk",
        "euronews.com"
    };
    private static final String[] WORDS = ("government minister talks border troops economy inflation prices"
                    + " election parliament court ruling protest police city council water energy gas supply winter"
                    + " school hospital doctors strike union wages report study climate flood storm harvest farmers"
                    + " bank rates market shares company workers train airport flights ceasefire aid refugees")
            .split(" ");

    public static GeneratedUpload generate(Path zip, int articles) throws IOException {
        Random random = new Random(14);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<String> urls = new ArrayList<>();
        int revisions = 0;
        for (int i = 0; i < articles; i++) {
            String url = "https://www." + SOURCES[i % SOURCES.length] + "/news/2022/story-" + i + ".html";
            urls.add(url);
            byte[] text = text(random, "Story " + i, url);
            entries.put(String.format("crash/f_%05d.txt", i), text);
            if (i % 100 == 99) {
                entries.put(String.format("crash/f_%05d_copy.txt", i), text);
            }
            if (i % 150 == 149) {
                entries.put(
                        String.format("crash/f_%05d_revision.txt", i),
                        text(random, "Story " + (i - 7) + ", updated", urls.get(i - 7)));
                revisions++;
            }
        }
        Files.write(zip, CorpusFiles.zip(entries));
        Set<String> distinct = new HashSet<>();
        entries.values()
                .forEach(bytes -> distinct.add(Hashing.sha256().hashBytes(bytes).toString()));
        return new GeneratedUpload(zip, entries.size(), distinct, revisions);
    }

    private static byte[] text(Random random, String headline, String url) {
        String[] sentences = new String[8 + random.nextInt(10)];
        for (int s = 0; s < sentences.length; s++) {
            StringBuilder sentence = new StringBuilder("The");
            for (int w = 6 + random.nextInt(14); w > 0; w--) {
                sentence.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            sentences[s] = sentence.append(" on day ")
                    .append(random.nextInt(1000))
                    .append('.')
                    .toString();
        }
        LocalDate published = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(900));
        return CorpusFiles.article(
                        headline + ": " + sentences[0].substring(4, Math.min(40, sentences[0].length())),
                        published,
                        url,
                        sentences)
                .getBytes(StandardCharsets.UTF_8);
    }
}
