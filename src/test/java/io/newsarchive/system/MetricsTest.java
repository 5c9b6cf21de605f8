package io.newsarchive.system;

import io.newsarchive.fixity.FixityChecks;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /q/metrics} counts what an archive's operator watches: files by outcome (a dry run's apart), bytes read and
 * runs of ingest, listings and text searches, exports by format and outcome with their articles, and fixity checks.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class MetricsTest {

    @Inject
    FixityChecks fixity;

    @Test
    void ingestSearchExportAndFixityAreCounted() throws Exception {
        String word =
                "zqmetrics" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String host = "https://www." + word + ".co.uk/";
        String first = article("First " + word, host + "first", "One.");
        String second = article("Second " + word, host + "second", "Two.");
        String rejected = "No date\n2022\n";
        String revision = article("First " + word + " revised", host + "first", "One, revised.");
        String dryRunOnly = article("Never stored " + word, host + "dry", "Three.");
        MetricsScrape before = MetricsScrape.now();

        upload(false, "1.txt", first, "2.txt", second, "3.txt", rejected)
                .body("run.counts.added", equalTo(2))
                .body("run.counts.rejected", equalTo(1));
        long firstId = upload(false, "1.txt", first, "2.txt", revision)
                .body("run.counts.duplicate", equalTo(1))
                .body("run.counts.revised", equalTo(1))
                .extract()
                .<Number>path("files[0].article_id")
                .longValue();
        upload(true, "1.txt", dryRunOnly).body("run.counts.added", equalTo(1));

        given().get("/api/articles").then().statusCode(200);
        given().get("/api/articles?q=" + word).then().statusCode(200).body("total", equalTo(2));
        given().get("/api/export?format=csv&q=" + word).then().statusCode(200);
        asAdmin().post("/api/fixity/articles/" + firstId).then().statusCode(200);
        FixityChecks.Pass pass = fixity.run("tester", true, 0).orElseThrow();

        MetricsScrape after = MetricsScrape.now();
        String files = "catalog_ingest_files_total";
        assertEquals(2, after.since(before, files, "outcome", "added", "dry_run", "false"));
        assertEquals(1, after.since(before, files, "outcome", "rejected", "dry_run", "false"));
        assertEquals(1, after.since(before, files, "outcome", "duplicate", "dry_run", "false"));
        assertEquals(1, after.since(before, files, "outcome", "revised", "dry_run", "false"));
        assertEquals(1, after.since(before, files, "outcome", "added", "dry_run", "true"));
        assertEquals(6, after.since(before, files), "every file once, the dry run's too");
        long bytes =
                (first + second + rejected + first + revision + dryRunOnly).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(bytes, after.since(before, "catalog_ingest_read_bytes_total"));
        String runs = "catalog_ingest_runs_seconds_count";
        assertEquals(2, after.since(before, runs, "status", "completed", "trigger", "api", "dry_run", "false"));
        assertEquals(1, after.since(before, runs, "status", "completed", "trigger", "api", "dry_run", "true"));
        assertEquals(3, after.since(before, runs));

        String searches = "catalog_search_seconds_count";
        assertEquals(1, after.since(before, searches, "engine", "postgresql", "kind", "listing"));
        assertEquals(1, after.since(before, searches, "engine", "postgresql", "kind", "text"));

        assertEquals(1, after.since(before, "catalog_export_started_total", "format", "csv"));
        assertEquals(1, after.since(before, "catalog_export_seconds_count", "format", "csv", "outcome", "success"));
        assertEquals(0, after.since(before, "catalog_export_seconds_count", "outcome", "failure"));
        assertEquals(2, after.since(before, "catalog_export_articles_total", "format", "csv"));

        String checks = "catalog_fixity_checks_total";
        assertEquals(pass.checked() - pass.failed() + 1, after.since(before, checks, "outcome", "success"));
        assertEquals(pass.failed(), after.since(before, checks, "outcome", "failure"));
        assertEquals(
                pass.bytes() + first.getBytes(StandardCharsets.UTF_8).length,
                after.since(before, "catalog_fixity_hashed_bytes_total"));
        assertEquals(1, after.since(before, "catalog_fixity_passes_total"));
    }

    /** Uploads files (name, content, ...) to {@code POST /api/ingest}; answers the report's checks. */
    private static ValidatableResponse upload(boolean dryRun, String... namesAndContents) {
        RequestSpecification request = asAdmin();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            request.multiPart(
                    "file",
                    namesAndContents[i],
                    namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8),
                    "text/plain");
        }
        return request.queryParam("dry_run", dryRun)
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .body("run.status", equalTo("completed"));
    }
}
