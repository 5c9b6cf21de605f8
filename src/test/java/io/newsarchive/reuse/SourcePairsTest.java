package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.SampleArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.ReuseLinking.linkAll;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/reuse/source-pairs, its CSV and its page, on the samples and made-up articles of sources of their own,
 * linked as the service links them.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SourcePairsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ArticleCorrections corrections;

    private static JsonPath pairs(String query) {
        return given().get("/api/reuse/source-pairs?limit=1000&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The pair of these two sources, A the first by its host; null when it is not listed. */
    private static Map<String, Object> pair(JsonPath pairs, String a, String b) {
        return pairs.getMap("pairs.find { it.source_a == '" + a + "' && it.source_b == '" + b + "' }");
    }

    /** shared, a_first, b_first, ties, median_lead_days of a listed pair. */
    private static List<Number> figures(Map<String, Object> pair) {
        assertTrue(pair != null, "the pair is listed");
        return List.of(
                (Number) pair.get("shared"),
                (Number) pair.get("a_first"),
                (Number) pair.get("b_first"),
                (Number) pair.get("ties"),
                ((Number) pair.get("median_lead_days")).doubleValue());
    }

    private static List<Number> figures(int shared, int aFirst, int bFirst, int ties, double medianLead) {
        return List.of(shared, aFirst, bFirst, ties, medianLead);
    }

    /** The sample's text at another address and date. */
    private static String sample(Path sample, String url, LocalDate published) {
        List<String> lines =
                new ArrayList<>(List.of(SampleArticles.atUrl(sample, url).split("\n")));
        lines.set(1, published.toString().replace("-", ""));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The Daily Mail's sample at a.D (2022-01-21), the Mirror's at b.D (2022-01-22), and at c.D the Mirror's first two
     * shared sentences on 2022-01-21 and its last two on 2022-01-23 (D a domain of the test's own): the four passages
     * the samples share, with every order of first.
     */
    @Test
    void thePairsOfTheSamplesCountWhoHadEachPassageFirst() throws IOException {
        String domain = CatalogFixtures.uniqueDomain();
        String a = "a." + domain;
        String b = "b." + domain;
        String c = "c." + domain;
        List<String> mirror = SampleArticles.SHARED.stream()
                .map(SampleArticles.SharedPair::mirrorSentence)
                .toList();
        ingest(
                sample(SampleArticles.DAILY_MAIL, "https://" + a + "/x.html", LocalDate.of(2022, 1, 21)),
                sample(SampleArticles.MIRROR, "https://" + b + "/y.html", LocalDate.of(2022, 1, 22)),
                article(
                        "Early part",
                        LocalDate.of(2022, 1, 21),
                        "https://" + c + "/z1.html",
                        mirror.get(0),
                        mirror.get(1)),
                article(
                        "Late part",
                        LocalDate.of(2022, 1, 23),
                        "https://" + c + "/z2.html",
                        mirror.get(2),
                        mirror.get(3)));
        linkAll();

        JsonPath all = pairs("from=2022-01-21&to=2022-01-23");
        // a had all four a day before b
        assertEquals(figures(4, 4, 0, 0, 1), figures(pair(all, a, b)));
        // the first two on the same day as c, the last two two days before: leads 0, 0, 2, 2
        assertEquals(figures(4, 2, 0, 2, 1), figures(pair(all, a, c)));
        // c had the first two a day before b, b the last two a day before c: leads -1, -1, 1, 1
        assertEquals(figures(4, 2, 2, 0, 0), figures(pair(all, b, c)));
        assertTrue(all.getLong("total") >= 3);
        assertEquals("2022-01-21", all.getString("from"));
        assertEquals(1000, all.getInt("limit"));

        // a period counts only the carriers published in it
        JsonPath late = pairs("from=2022-01-22");
        assertNull(pair(late, a, b));
        assertNull(pair(late, a, c));
        assertEquals(figures(2, 2, 0, 0, 1), figures(pair(late, b, c)));
        JsonPath early = pairs("to=2022-01-21");
        assertEquals(figures(2, 0, 0, 2, 0), figures(pair(early, a, c)));
        assertNull(pair(early, b, c));

        String csv = given().get("/api/reuse/source-pairs.csv?from=2022-01-21&to=2022-01-23&limit=1000")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("source-pairs.csv"))
                .extract()
                .asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            assertEquals(
                    List.of("source_a", "source_b", "shared", "a_first", "b_first", "ties", "median_lead_days"),
                    parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(all.getList("pairs").size(), records.size());
            List<List<String>> ours = records.stream()
                    .filter(r -> r.get("source_a").endsWith(domain)
                            && r.get("source_b").endsWith(domain))
                    .map(CSVRecord::toList)
                    .toList();
            assertEquals(
                    List.of(
                            List.of(a, b, "4", "4", "0", "0", "1"),
                            List.of(a, c, "4", "2", "0", "2", "1"),
                            List.of(b, c, "4", "2", "2", "0", "0")),
                    ours);
        }

        String page = given().get("/source-pairs?from=2022-01-21&to=2022-01-23&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                page.contains("<td data-label=\"Source A\"><a href=\"/sources/" + a
                        + "?from=2022-01-21&amp;to=2022-01-23\">" + a + "</a></td><td data-label=\"Source B\"><a"
                        + " href=\"/sources/" + c + "?from=2022-01-21&amp;to=2022-01-23\">" + c + "</a></td><td"
                        + " class=\"num\" data-label=\"Shared\">4</td><td class=\"num\" data-label=\"A first\">2</td>"
                        + "<td class=\"num\" data-label=\"B first\">0</td><td class=\"num\" data-label=\"Same"
                        + " day\">2</td><td data-label=\"Median lead\">" + a + " by 1 day</td>"),
                page);
        assertTrue(page.contains("<td data-label=\"Median lead\">same day</td>"), "b and c");
        assertTrue(
                page.contains("href=\"/api/reuse/source-pairs.csv?from=2022-01-21&amp;to=2022-01-23&amp;limit=1000\""));
    }

    /** The three carriers of the fixture's quote, on three days in a row: one passage a pair. */
    @Test
    void aQuoteCarriedOnThreeDaysMakesThreePairs() {
        CatalogFixtures.QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        linkAll();
        JsonPath all = pairs("from=2023-05-10&to=2023-05-12");
        List<String> hosts = quoted.hosts();
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                // host i carried it j - i days before host j
                boolean iFirst = hosts.get(i).compareTo(hosts.get(j)) < 0;
                Map<String, Object> pair =
                        iFirst ? pair(all, hosts.get(i), hosts.get(j)) : pair(all, hosts.get(j), hosts.get(i));
                assertEquals(
                        iFirst ? figures(1, 1, 0, 0, j - i) : figures(1, 0, 1, 0, i - j),
                        figures(pair),
                        hosts.get(i) + " and " + hosts.get(j));
            }
        }
        // the unrelated article shares a few words, no passage
        List<String> listed = new ArrayList<>(all.getList("pairs.source_a", String.class));
        listed.addAll(all.getList("pairs.source_b", String.class));
        String unrelated = given().get("/api/articles/" + quoted.unrelated())
                .then()
                .extract()
                .path("source");
        assertFalse(listed.contains(unrelated), unrelated);

        // the limit keeps the pairs that share the most; the total counts them all
        given().get("/api/reuse/source-pairs?from=2023-05-10&to=2023-05-12&limit=1")
                .then()
                .statusCode(200)
                .body("pairs.size()", equalTo(1))
                .body("total", equalTo(all.getInt("total")));
    }

    /** A sentence one source carries in ten articles and another in one is the first's boilerplate: no pair. */
    @Test
    void boilerplateMakesNoPair() {
        String domain = CatalogFixtures.uniqueDomain();
        String sentence = "Sign up to the " + CatalogFixtures.uniqueWord() + " newsletter for the best stories of"
                + " the week in your inbox every Friday.";
        List<String> files = new ArrayList<>();
        IntStream.range(0, 10)
                .forEach(i -> files.add(article(
                        "Story " + i,
                        LocalDate.of(2022, 2, 1 + i),
                        "https://d." + domain + "/story-" + i + ".html",
                        "Story " + i + " " + CatalogFixtures.uniqueWord() + ".",
                        sentence)));
        files.add(article("Copied", LocalDate.of(2022, 2, 20), "https://e." + domain + "/copied.html", sentence));
        ingest(files.toArray(String[]::new));
        linkAll();
        JsonPath all = pairs("from=2022-02-01&to=2022-02-28");
        assertNull(pair(all, "d." + domain, "e." + domain));
    }

    /**
     * The pairs, from the kept days, are those the carriers give, counted afresh, after every kind of change: linking,
     * a withdrawal, a restore, a new publication date, an address at another source, a new version without the
     * quotes, a source repeating a quote until it is its boilerplate, and a sentence that quotes two quotes, which
     * makes their passages one.
     */
    @Test
    void thePairsAreThoseOfTheCarriersAfterEveryChange() throws SQLException {
        String domain = CatalogFixtures.uniqueDomain();
        // the first article's source is seen first but has the last host: pairs are ordered by host, not by source
        List<String> hosts = List.of("z." + domain, "m." + domain, "c." + domain, "a." + domain);
        List<String> quotes =
                Stream.generate(CatalogFixtures::ownSentence).limit(6).toList();
        Random random = new Random(22);
        ingest(quotedArticles(hosts, quotes, random, 16));
        linkAll();
        List<List<String>> counted = assertPairsOfTheCarriers(domain);

        ingest(quotedArticles(hosts, quotes, random, 8));
        linkAll();
        counted = assertChanged(counted, domain);

        // an article earlier than all others, of the source with the last host, carrying two quotes
        String probeUrl = "https://" + hosts.get(0) + "/probe.html";
        long probe = ingest(article(
                        "Probe",
                        LocalDate.of(2022, 2, 25),
                        probeUrl,
                        CatalogFixtures.ownSentence(),
                        quotes.get(0),
                        quotes.get(1)))
                .get(0);
        linkAll();
        counted = assertChanged(counted, domain);

        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(probe, "test", 1, "test"));
        counted = assertChanged(counted, domain);

        assertInstanceOf(ArticleCorrections.Saved.class, corrections.restore(probe, "test", 2, "test"));
        counted = assertChanged(counted, domain);

        ArticleCorrections.Correction dated = corrections.open(probe).correction();
        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(
                        probe,
                        new ArticleCorrections.Correction(
                                dated.headline(), "2022-03-25", dated.url(), "", "test", dated.revision()),
                        "test"));
        counted = assertChanged(counted, domain);

        // its address corrected to another source's
        String movedUrl = "https://" + hosts.get(1) + "/probe.html";
        ArticleCorrections.Correction moved = corrections.open(probe).correction();
        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(
                        probe,
                        new ArticleCorrections.Correction(
                                moved.headline(), moved.published(), movedUrl, "", "test", moved.revision()),
                        "test"));
        counted = assertChanged(counted, domain);

        ingest(article("Probe revised", LocalDate.of(2022, 3, 25), movedUrl, CatalogFixtures.ownSentence()));
        counted = assertChanged(counted, domain);
        linkAll();
        assertPairsOfTheCarriers(domain);

        // the sixth quote, in one article of each other source, then in ten of the last: its boilerplate
        List<String> boilerplate = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boilerplate.add(article(
                    "Sixth " + i,
                    LocalDate.of(2022, 3, 12 + i),
                    "https://" + hosts.get(i) + "/sixth.html",
                    CatalogFixtures.ownSentence(),
                    quotes.get(5)));
        }
        ingest(boilerplate.toArray(String[]::new));
        linkAll();
        counted = assertChanged(counted, domain);
        boilerplate.clear();
        for (int i = 0; i < 10; i++) {
            boilerplate.add(article(
                    "Repeated " + i,
                    LocalDate.of(2022, 3, 1 + i),
                    "https://" + hosts.get(3) + "/repeated-" + i + ".html",
                    CatalogFixtures.ownSentence(),
                    quotes.get(5)));
        }
        ingest(boilerplate.toArray(String[]::new));
        linkAll();
        counted = assertChanged(counted, domain);

        // the earliest article of all, whose one sentence quotes two quotes: their passages become one
        long both = ingest(article(
                        "Both",
                        LocalDate.of(2022, 2, 20),
                        "https://" + hosts.get(0) + "/both.html",
                        "They said \"" + quotes.get(1).replace(".", "") + "\" and \""
                                + quotes.get(2).replace(".", "") + "\" today."))
                .get(0);
        linkAll();
        assertChanged(counted, domain);
        try (Connection conn = dataSource.getConnection();
                ResultSet merged = conn.createStatement().executeQuery("""
                        select count(*) from passage_merge
                        where into_id = (select passage_id from passage_carrier where article_id = %d)""".formatted(both))) {
            merged.next();
            assertEquals(1, merged.getInt(1), "the two passages were merged");
        }
    }

    /**
     * A recount writes only the rows that change: none when nothing did, which a recount of every passage of a batch
     * mostly is, and one row each way for a day gone and a day come.
     */
    @Test
    void aRecountWritesOnlyTheRowsThatChange() throws SQLException {
        String domain = CatalogFixtures.uniqueDomain();
        List<String> hosts = List.of("a." + domain, "b." + domain, "c." + domain);
        List<String> quotes =
                Stream.generate(CatalogFixtures::ownSentence).limit(4).toList();
        ingest(quotedArticles(hosts, quotes, new Random(23), 12));
        linkAll();
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            String ids = """
                    array(select distinct d.passage_id from passage_source_day d join source s on s.id = d.source_id
                          where s.host like '%%.%s')""".formatted(domain);
            String recount = "select passage_source_days_recount(" + ids + ")";
            // the counts may hold those of earlier transactions on the connection, not yet reported
            List<Long> before = writes(conn);
            conn.createStatement().execute(recount);
            assertEquals(List.of(0L, 0L), since(before, conn), "nothing changed, nothing written");

            // a row that should not be there and a missing row that should
            conn.createStatement().executeUpdate("""
                    with one as (select d.* from passage_source_day d join source s on s.id = d.source_id
                                 where s.host like '%%.%1$s' order by d.passage_id, d.day limit 1),
                    gone as (delete from passage_source_day d using one
                             where (d.passage_id, d.source_id, d.day) = (one.passage_id, one.source_id, one.day))
                    insert into passage_source_day select passage_id, source_id, date '1999-01-01' from one""".formatted(domain));
            assertEquals(List.of(1L, 1L), since(before, conn));
            conn.createStatement().execute(recount);
            assertEquals(List.of(2L, 2L), since(before, conn), "the recount wrote one row each way");
            try (ResultSet differ = conn.createStatement().executeQuery("""
                    select count(*) from ((select * from passage_source_days_of(%1$s)
                                           except select * from passage_source_day where passage_id = any(%1$s))
                                          union all
                                          (select * from passage_source_day where passage_id = any(%1$s)
                                           except select * from passage_source_days_of(%1$s))) x""".formatted(ids))) {
                differ.next();
                assertEquals(0, differ.getInt(1), "the rows are those of the carriers");
            }
            conn.rollback();
        }
    }

    /** The rows of passage_source_day inserted and deleted that the connection has not reported yet. */
    private static List<Long> writes(Connection conn) throws SQLException {
        try (ResultSet rs = conn.createStatement().executeQuery("""
                select n_tup_ins, n_tup_del from pg_stat_xact_user_tables where relname = 'passage_source_day'""")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2));
        }
    }

    /** The rows inserted and deleted since {@code before}, within one transaction (whose counts are reported after). */
    private static List<Long> since(List<Long> before, Connection conn) throws SQLException {
        List<Long> now = writes(conn);
        return List.of(now.get(0) - before.get(0), now.get(1) - before.get(1));
    }

    /** Articles of the hosts on days of March 2022, each with one or two of the quotes between sentences of its own. */
    private static String[] quotedArticles(List<String> hosts, List<String> quotes, Random random, int count) {
        String[] files = new String[count];
        for (int i = 0; i < count; i++) {
            List<String> sentences = new ArrayList<>(List.of(CatalogFixtures.ownSentence()));
            int quote = random.nextInt(quotes.size() - 1);
            sentences.add(quotes.get(quote));
            if (random.nextBoolean()) {
                sentences.add(quotes.get((quote + 1 + random.nextInt(quotes.size() - 2)) % (quotes.size() - 1)));
            }
            sentences.add(CatalogFixtures.ownSentence());
            String host = hosts.get(i == 0 ? 0 : random.nextInt(hosts.size()));
            files[i] = article(
                    "Quoted " + i,
                    LocalDate.of(2022, 3, 1 + random.nextInt(20)),
                    "https://" + host + "/" + CatalogFixtures.uniqueWord() + ".html",
                    sentences.toArray(String[]::new));
        }
        return files;
    }

    /** Asserts the pairs and answers them, which must differ from those before. */
    private List<List<String>> assertChanged(List<List<String>> before, String domain) throws SQLException {
        List<List<String>> now = assertPairsOfTheCarriers(domain);
        assertNotEquals(before, now, "the change changed the pairs");
        return now;
    }

    /** Asserts that the pairs of the domain's sources over a few periods are those counted from the carriers. */
    private List<List<String>> assertPairsOfTheCarriers(String domain) throws SQLException {
        List<List<String>> all = null;
        for (List<LocalDate> period : Arrays.<List<LocalDate>>asList(
                Arrays.asList(null, null),
                Arrays.asList(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 10)),
                Arrays.asList(LocalDate.of(2022, 3, 6), null),
                Arrays.asList(null, LocalDate.of(2022, 3, 4)))) {
            LocalDate from = period.get(0);
            LocalDate to = period.get(1);
            JsonPath kept = pairs("from=" + Objects.toString(from, "") + "&to=" + Objects.toString(to, ""));
            List<Map<String, Object>> ours = kept.<Map<String, Object>>getList("pairs").stream()
                    .filter(p -> p.get("source_a").toString().endsWith(domain))
                    .toList();
            // listed by shared passages, then by hosts
            assertEquals(
                    ours.stream()
                            .sorted(Comparator.comparing(
                                            (Map<String, Object> p) -> -((Number) p.get("shared")).longValue())
                                    .thenComparing(p -> p.get("source_a").toString())
                                    .thenComparing(p -> p.get("source_b").toString()))
                            .toList(),
                    ours,
                    from + " to " + to);
            List<List<String>> listed = ours.stream()
                    .map(p -> List.of(
                            p.get("source_a").toString(),
                            p.get("source_b").toString(),
                            p.get("shared").toString(),
                            p.get("a_first").toString(),
                            p.get("b_first").toString(),
                            p.get("ties").toString(),
                            String.format("%.1f", ((Number) p.get("median_lead_days")).doubleValue())))
                    .sorted(Comparator.comparing((List<String> p) -> p.get(0)).thenComparing(p -> p.get(1)))
                    .toList();
            assertEquals(countedFromCarriers(domain, from, to), listed, from + " to " + to);
            if (all == null) {
                all = listed;
                assertFalse(all.isEmpty(), "the domain's sources share passages");
            }
        }
        return all;
    }

    /** The pairs of the domain's sources as the carriers give them, counted afresh. */
    private List<List<String>> countedFromCarriers(String domain, LocalDate from, LocalDate to) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                        with firsts as (
                            select c.passage_id, s.host, min(a.published) as first
                            from passage_carrier c
                            join article a on a.id = c.article_id
                            join source s on s.id = a.source_id
                            where a.latest and a.status = 'active' and s.host like ?
                                and a.published between ? and ?
                            group by c.passage_id, s.host),
                        counted as (
                            select *, count(*) over (partition by passage_id) as sources from firsts)
                        select a.host, b.host, count(*),
                            count(*) filter (where a.first < b.first),
                            count(*) filter (where b.first < a.first),
                            count(*) filter (where a.first = b.first),
                            percentile_cont(0.5) within group (order by b.first - a.first)
                        from counted a join counted b on b.passage_id = a.passage_id
                            and a.host collate "C" < b.host collate "C"
                        where a.sources > 1 and not passage_boilerplate(a.passage_id)
                        group by a.host, b.host
                        order by a.host, b.host""")) {
            select.setString(1, "%." + domain);
            select.setObject(2, from == null ? LocalDate.of(1700, 1, 1) : from);
            select.setObject(3, to == null ? LocalDate.of(9999, 12, 31) : to);
            List<List<String>> pairs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pairs.add(List.of(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            String.format("%.1f", rs.getDouble(7))));
                }
            }
            return pairs;
        }
    }

    @Test
    void badParametersAreNamed() {
        Map<String, String> bad = Map.of(
                "from=2022-13-01", "from",
                "to=yesterday", "to",
                "from=2022-02-02&to=2022-02-01", "to",
                "limit=0", "limit",
                "limit=1001", "limit",
                "limit=many", "limit");
        bad.forEach((query, parameter) -> {
            for (String path : List.of("/api/reuse/source-pairs", "/api/reuse/source-pairs.csv")) {
                given().get(path + "?" + query).then().statusCode(400).body("parameter", equalTo(parameter));
            }
            given().accept("text/html").get("/source-pairs?" + query).then().statusCode(400);
        });
    }
}
