package io.newsarchive.ingest;

import io.newsarchive.system.CatalogConfig;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated corpus files, the same ones every time (a fixed seed), through a dry run and then a real ingest: every
 * file has exactly one outcome, every rejection a code, both runs complete and decide alike for every file, and
 * every stored original is byte for byte its file.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class IngestFuzzTest {

    private static final int FILES = 20_000;
    private static final int MB5 = 5 * 1024 * 1024;

    @Inject
    IngestService ingest;

    @Inject
    IngestReports reports;

    @Inject
    CatalogConfig config;

    @TempDir
    Path dir;

    private final Random random = new Random(20_710);

    @Test
    void mutatedFilesGetOneOutcomeEachAndTheDryRunDecidesWhatTheRealRunDoes() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < FILES; i++) {
            String name = String.format("fuzz/%05d.txt", i);
            byte[] content = file(i);
            files.put(name, content);
            CorpusFiles.write(dir, name, content);
        }
        String overLimit = "fuzz/over_limit.txt";
        byte[] big =
                Arrays.copyOf(valid(0), (int) config.ingest().maxFileBytes().asLongValue() + 1);
        Arrays.fill(big, valid(0).length, big.length, (byte) 'x');
        files.put(overLimit, big);
        CorpusFiles.write(dir, overLimit, big);

        Map<String, FileResult> dry = run(true, files.size());
        Map<String, FileResult> real = run(false, files.size());

        assertEquals(files.keySet(), dry.keySet(), "one outcome per file");
        assertEquals(files.keySet(), real.keySet(), "one outcome per file");
        Map<Long, String> stored = new HashMap<>();
        Set<Outcome> seen = new HashSet<>();
        Set<String> seenCodes = new HashSet<>();
        for (String name : files.keySet()) {
            FileResult d = dry.get(name);
            FileResult r = real.get(name);
            assertEquals(d.outcome(), r.outcome(), name);
            assertEquals(codes(d), codes(r), name);
            if (r.outcome() == Outcome.REJECTED) {
                assertTrue(
                        r.problems().stream()
                                .anyMatch(p -> p.isError()
                                        && p.code() != null
                                        && !p.code().isBlank()),
                        name + " is rejected with a code");
            }
            if (r.outcome() == Outcome.ADDED || r.outcome() == Outcome.REVISED) {
                stored.put(r.articleId(), name);
            }
            seen.add(r.outcome());
            seenCodes.addAll(codes(r));
        }
        assertEquals(Set.of(Outcome.values()), seen, "the fuzz reaches every outcome");
        assertTrue(
                seenCodes.containsAll(Set.of(
                        "empty",
                        "too_large",
                        "binary",
                        "encoding",
                        "headline",
                        "headline_too_long",
                        "date",
                        "url",
                        "url_too_long",
                        "body_empty")),
                seenCodes.toString());
        assertFalse(seenCodes.contains("database_refused"), "the parser knows everything the database refuses");
        assertEquals("too_large", real.get(overLimit).problems().get(0).code());
        assertEquals(stored.size(), originalsEqualTo(files, stored), "every stored original is its file");
    }

    /** Runs the ingest over the temp dir and returns the results by file name (relative to the dir). */
    private Map<String, FileResult> run(boolean dryRun, int expectedFiles) {
        Map<String, FileResult> byName = new HashMap<>();
        List<FileResult> all = new ArrayList<>();
        IngestProgress collect = new IngestProgress() {
            @Override
            public void started(long runId, int totalFiles) {
                assertEquals(expectedFiles, totalFiles);
            }

            @Override
            public void advanced(int filesDone, List<FileResult> batch) {
                all.addAll(batch);
            }
        };
        long runId;
        try (InputFiles input = InputFiles.of(List.of(dir.resolve("fuzz")))) {
            runId = ingest.ingest(input, new IngestRequest(Trigger.CLI, "fuzz", dryRun), collect);
        }
        IngestReports.RunSummary run = reports.find(runId).orElseThrow();
        assertEquals(RunStatus.COMPLETED, run.status(), run.error());
        assertEquals(expectedFiles, run.filesDone());
        for (FileResult r : all) {
            assertFalse(byName.containsKey(r.name()), "twice: " + r.name());
            byName.put(r.name(), r);
        }
        assertEquals(expectedFiles, all.size());
        return byName;
    }

    private static List<String> codes(FileResult result) {
        return result.problems().stream().map(p -> p.code()).toList();
    }

    private long originalsEqualTo(Map<String, byte[]> files, Map<Long, String> stored) throws Exception {
        long same = 0;
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "select article_id, content from article_original where article_id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", stored.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = stored.get(rs.getLong(1));
                    assertNotNull(name);
                    assertArrayEquals(files.get(name), rs.getBytes(2), name);
                    same++;
                }
            }
        }
        return same;
    }

    /** File {@code i}: a valid article of one of a few hundred URLs (so that some are revisions), mostly mutated. */
    private byte[] file(int i) {
        int base = random.nextInt(FILES / 40);
        byte[] valid = valid(base);
        if (i < 6) {
            return fiveMegabyteLine(base, i);
        }
        return switch (random.nextInt(14)) {
            case 0 -> valid;
            case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            case 2 -> flipBytes(valid);
            case 3 -> insert(valid, new byte[] {(byte) random.nextInt(0x20)});
            case 4 -> insert(valid, new byte[] {0x7F});
            case 5 ->
                insert(valid, pick(new byte[][] {
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                    {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
                    {(byte) 0xC1, (byte) 0xBF}
                }));
            case 6 ->
                insert(valid, pick(new byte[][] {
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}
                }));
            case 7 ->
                new String(valid, StandardCharsets.UTF_8).replace('\n', '\r').getBytes(StandardCharsets.UTF_8);
            case 8 -> article(base, pick(HEADLINES), "20220121", url(base), "A body.");
            case 9 -> article(base, "Odd date", pick(DATES), url(base), "A body.");
            case 10 ->
                article(base, "Odd URL", "20220121", pick(URLS).replace("{n}", Integer.toString(base)), "A body.");
            case 11 ->
                article(base, "Long URL", "20220121", url(base) + "?" + noise(1_900 + random.nextInt(900)), "A body.");
            case 12 ->
                insert(valid, pick(new byte[][] {
                    "\u0085".getBytes(StandardCharsets.UTF_8),
                    "\uFEFF".getBytes(StandardCharsets.UTF_8),
                    "\u2028".getBytes(StandardCharsets.UTF_8),
                    {'\r'}
                }));
            default -> Arrays.copyOf(flipBytes(valid), Math.max(1, valid.length - random.nextInt(20)));
        };
    }

    private static final String[] HEADLINES = {
        "\u00A0",
        "\u200B",
        "\uFEFF",
        "\u0085",
        "\u2060",
        " \u00A0\u200B ",
        "\u202Eevil",
        "Tab\there",
        "Ünïcödé ☃ 名前",
        "x".repeat(1_000),
        "x".repeat(1_001)
    };
    private static final String[] DATES = {
        "00000000",
        "99991231",
        "20230229",
        "20240229",
        "17000101",
        "16991231",
        "+2022121",
        "2022 0121",
        "２０２２０１２１",
        "٢٠٢٢٠١٢١",
        "2022-01-21",
        "20221301",
        "20220100",
        "",
        LocalDate.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE),
        LocalDate.now(ZoneOffset.UTC).plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE)
    };
    private static final String[] URLS = {
        "https://bücher.example/{n}",
        "https://xn--bcher-kva.example/{n}",
        "http://[::1]:8080/{n}",
        "http://[2001:db8::1]/{n}",
        "http://[::1/{n}",
        "https://user:pass@example.com/{n}",
        "https://us%00er@example.com/{n}",
        "https://example.com/%2F%00{n}",
        "https://example.com/%zz{n}",
        "https://example.com:0/{n}",
        "https://example.com:65535/{n}",
        "https://example.com:65536/{n}",
        "https://example.com:99999/{n}",
        "https://example.com:99999999999/{n}",
        "HTTPS://EXAMPLE.COM/{n}",
        "https://例え.jp/{n}",
        "https://example.com/\u00A0{n}",
        "https://example.com/a b{n}",
        "//example.com/{n}",
        "https://example.com/{n}#frag",
        "https://example.com?{n}",
        "ftp://example.com/{n}"
    };

    private byte[] valid(int base) {
        return article(
                base,
                "Headline of story " + base,
                "20220121",
                url(base),
                "First sentence of story " + base + ".",
                "Second sentence with Ünïcödé.");
    }

    private static String url(int base) {
        return "https://www.fuzz-" + base + ".example.com/news/" + base;
    }

    private static byte[] article(int base, String headline, String date, String url, String... body) {
        return (headline + "\n" + date + "\n" + url + "\n" + String.join("\n", body) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A line of 5 MB in the headline, the date, the URL or the body (valid text, or a run of one byte). */
    private byte[] fiveMegabyteLine(int base, int which) {
        String line = which == 5 ? "é".repeat(MB5 / 2) : noise(MB5);
        return switch (which % 4) {
            case 0 -> article(base, line, "20220121", url(base), "Body.");
            case 1 -> article(base, "Long date", line, url(base), "Body.");
            case 2 -> article(base, "Long URL", "20220121", url(base) + "/" + line, "Body.");
            default -> article(base, "Long body", "20220121", url(base) + "/long" + which, line);
        };
    }

    /** Letters and digits that do not compress, in words, as URL paths and full text find them worst. */
    private String noise(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(
                    random.nextInt(7) == 0
                            ? '-'
                            : (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : '0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private byte[] flipBytes(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] insert(byte[] bytes, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
