package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charts' numbers as CSV, read back with a CSV parser. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ChartCsvResourceTest {

    @Test
    void theTimelineCountsEachMonthAndEachYearOverTenYears() throws IOException {
        String domain = uniqueDomain();
        ingest(
                article("One", LocalDate.of(2021, 12, 3), "https://" + domain + "/1", "Text."),
                article("Two", LocalDate.of(2021, 12, 9), "https://" + domain + "/2", "Text."),
                article("Three", LocalDate.of(2022, 2, 1), "https://" + domain + "/3", "Text."),
                article("Old", LocalDate.of(2009, 5, 1), "https://old." + domain + "/1", "Text."));
        assertEquals(
                List.of(List.of("2021-12", "2"), List.of("2022-01", "0"), List.of("2022-02", "1")),
                rows("source=" + domain + "&from=2010-01-01", "month"));
        List<List<String>> years = rows("source=" + domain, "year");
        assertEquals(List.of("2009", "1"), years.get(0));
        assertEquals(List.of("2021", "2"), years.get(12));
        assertEquals(List.of("2022", "1"), years.get(13));
        assertEquals(14, years.size(), "every year, empty ones too");

        given().get("/api/timeline.csv?from=2022-13-01").then().statusCode(400).body("parameter", equalTo("from"));
        given().get("/api/timeline.csv?interval=day").then().statusCode(400).body("parameter", equalTo("interval"));
    }

    @Test
    void theSourcesComeWithTheMostArticlesFirst() throws IOException {
        String domain = uniqueDomain();
        ingest(
                article("A", LocalDate.of(2022, 5, 1), "https://big." + domain + "/1", "Text."),
                article("B", LocalDate.of(2022, 5, 4), "https://big." + domain + "/2", "Text."),
                article("C", LocalDate.of(2022, 5, 2), "https://small." + domain + "/1", "Text."));
        String csv = given().get("/api/sources.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("sources.csv"))
                .extract()
                .asString();
        List<String> ours = TimelineTest.parse(csv).stream()
                .filter(r -> r.get("host").endsWith(domain))
                .map(r -> String.join(" ", r.get("host"), r.get("articles"), r.get("first"), r.get("last")))
                .toList();
        assertEquals(
                List.of("big." + domain + " 2 2022-05-01 2022-05-04", "small." + domain + " 1 2022-05-02 2022-05-02"),
                ours);
    }

    private static List<List<String>> rows(String query, String period) throws IOException {
        String csv = given().get("/api/timeline.csv?" + query)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        return TimelineTest.parse(csv).stream()
                .map((CSVRecord r) -> List.of(r.get(period), r.get("articles")))
                .toList();
    }
}
