package io.newsarchive.reuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.AppProcess;
import io.newsarchive.testing.CatalogTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared passages and near-copies found by {@code catalog ingest} then {@code catalog reuse} in a generated corpus,
 * scored against what the generator says each file repeats (its truth file, see ../shared/README.md).
 *
 * <p>Quotes: the truth pairs are the articles of different sources that carry the same quote; the detected pairs
 * are those that one passage (not boilerplate) links. A detected pair is right when it shares a quote or when both
 * are the same text re-published. The truth has a cap on recall: a restyled re-publication lists every quote of its
 * original, also one whose sentence it dropped, so a few truth pairs cannot be found.
 */
class ReuseScoringIT {

    private static final int FILES = 20_000;

    @TempDir
    Path dir;

    @Test
    void passagesAndNearCopiesMatchTheTruthOfAGeneratedCorpus() throws Exception {
        Path corpus = dir.resolve("corpus");
        Path truthFile = dir.resolve("truth.jsonl");
        Process generate = new ProcessBuilder(
                        "python3",
                        "../shared/tools/gen-corpus",
                        "--count",
                        String.valueOf(FILES),
                        "--out",
                        corpus.toString(),
                        "--restyle",
                        "0.5",
                        "--truth",
                        truthFile.toString(),
                        "--seed",
                        "7")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("gen-corpus.log").toFile())
                .start();
        assertTrue(generate.waitFor(5, TimeUnit.MINUTES), "gen-corpus did not end within five minutes");
        assertEquals(0, generate.exitValue(), Files.readString(dir.resolve("gen-corpus.log")));

        Map<String, String> database = CatalogTestDatabase.freshDatabase();
        run(database, "ingest", corpus.toString());
        run(database, "reuse");

        try (Connection c = DriverManager.getConnection(
                database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"),
                database.get("quarkus.datasource.password"))) {
            Truth truth = truth(c, truthFile);
            assertEquals(FILES, truth.host.size(), "every generated file is an article");

            long[] quotePairs = truth.pairs(truth.quoteCarriers.values());
            long[] detected = truth.pairs(groups(c, """
                    select c.passage_id, c.article_id from passage_carrier c
                    where not passage_boilerplate(c.passage_id)"""));
            long found = Arrays.stream(detected)
                    .filter(p -> Arrays.binarySearch(quotePairs, p) >= 0)
                    .count();
            long right = Arrays.stream(detected)
                    .filter(p -> Arrays.binarySearch(quotePairs, p) >= 0 || truth.sameText(p))
                    .count();
            double quoteRecall = (double) found / quotePairs.length;
            double quotePrecision = (double) right / detected.length;

            long[] copies = truth.republished.entrySet().stream()
                    .mapToLong(e -> pair(e.getKey(), e.getValue()))
                    .sorted()
                    .toArray();
            long[] nearCopies = pairs(c, "select article_id, copy_id from near_copy");
            long copiesFound = Arrays.stream(nearCopies)
                    .filter(p -> Arrays.binarySearch(copies, p) >= 0)
                    .count();
            long copiesRight = Arrays.stream(nearCopies).filter(truth::sameText).count();
            double copyRecall = (double) copiesFound / copies.length;
            double copyPrecision = (double) copiesRight / nearCopies.length;

            System.out.printf(
                    "reuse scoring, %d files (gen-corpus --restyle 0.5 --seed 7):%n"
                            + "  quote pairs: truth %d, detected %d, found %d, right %d:"
                            + " recall %.4f, precision %.4f%n"
                            + "  near-copies: truth %d, detected %d, found %d, right %d:"
                            + " recall %.4f, precision %.4f%n",
                    FILES,
                    quotePairs.length,
                    detected.length,
                    found,
                    right,
                    quoteRecall,
                    quotePrecision,
                    copies.length,
                    nearCopies.length,
                    copiesFound,
                    copiesRight,
                    copyRecall,
                    copyPrecision);
            assertTrue(quoteRecall >= 0.95, "quote recall " + quoteRecall);
            assertTrue(quotePrecision >= 0.99, "quote precision " + quotePrecision);
            assertTrue(copyRecall >= 0.95, "near-copy recall " + copyRecall);
            assertTrue(copyPrecision >= 0.99, "near-copy precision " + copyPrecision);
        }
    }

    /** Runs the packaged app's command, which must succeed. */
    private void run(Map<String, String> database, String... args) throws Exception {
        Path log = dir.resolve(args[0] + ".log");
        assertEquals(
                0,
                AppProcess.exitOf(AppProcess.start(database, Map.of(), log, args)),
                Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * What the generator wrote, by article id.
     *
     * @param host          each article's source
     * @param quoteCarriers the articles that carry each quote
     * @param republished   each re-publication's original
     */
    private record Truth(Map<Long, String> host, Map<Integer, List<Long>> quoteCarriers, Map<Long, Long> republished) {

        /** Whether both articles of the pair are the same text: one re-publishes the other, or both one original. */
        boolean sameText(long pair) {
            return original(pair >>> 32) == original(pair & 0xffffffffL);
        }

        private long original(long id) {
            return republished.getOrDefault(id, id);
        }

        /** The distinct pairs of articles of different sources within each group, sorted. */
        long[] pairs(Collection<List<Long>> groups) {
            LongStream.Builder pairs = LongStream.builder();
            for (List<Long> group : groups) {
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        if (!host.get(group.get(i)).equals(host.get(group.get(j)))) {
                            pairs.add(pair(group.get(i), group.get(j)));
                        }
                    }
                }
            }
            return pairs.build().sorted().distinct().toArray();
        }
    }

    private static Truth truth(Connection c, Path truthFile) throws Exception {
        Map<Long, String> host = new HashMap<>();
        Map<String, Long> byFile = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select a.id, a.file_name, s.host from article a join source s on s.id = a.source_id")) {
            while (rs.next()) {
                String file = rs.getString(2);
                byFile.put(file.substring(file.lastIndexOf('/') + 1), rs.getLong(1));
                host.put(rs.getLong(1), rs.getString(3));
            }
        }
        Map<Integer, List<Long>> quoteCarriers = new TreeMap<>();
        Map<Long, Long> republished = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = Files.newBufferedReader(truthFile)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode file = json.readTree(line);
                Long id = byFile.get(file.get("file").asText());
                if (id == null) {
                    continue;
                }
                // a quote a file carries twice makes a pair with itself, which pairs() leaves out (same source)
                file.get("quotes")
                        .forEach(q -> quoteCarriers
                                .computeIfAbsent(q.asInt(), k -> new ArrayList<>())
                                .add(id));
                Long original = byFile.get(file.get("republishes").textValue());
                if (original != null) {
                    republished.put(id, original);
                }
            }
        }
        return new Truth(host, quoteCarriers, republished);
    }

    /** The second column's values grouped by the first's. */
    private static Collection<List<Long>> groups(Connection c, String sql) throws Exception {
        Map<Long, List<Long>> groups = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                groups.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        return groups.values();
    }

    private static long[] pairs(Connection c, String sql) throws Exception {
        LongStream.Builder pairs = LongStream.builder();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                pairs.add(pair(rs.getLong(1), rs.getLong(2)));
            }
        }
        return pairs.build().sorted().toArray();
    }

    /** The unordered pair of two article ids as one number, the lower id first. */
    private static long pair(long a, long b) {
        return Math.min(a, b) << 32 | Math.max(a, b);
    }
}
