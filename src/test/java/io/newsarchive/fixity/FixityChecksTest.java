package io.newsarchive.fixity;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixity passes and checks on demand: a changed original is found, recorded as a failed check of its own article,
 * shown on the dashboard until a later check passes; every other article's events show the pass that checked it.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class FixityChecksTest {

    @Inject
    FixityChecks checks;

    @Test
    void aPassFindsAChangedOriginalAndACheckOnDemandClearsIt() throws Exception {
        String url = uniqueUrl();
        List<Long> ids = CatalogFixtures.ingest(
                article("Kept", LocalDate.of(2024, 1, 2), url, "Intact."),
                article("Damaged", LocalDate.of(2024, 1, 2), url.replace("story", "other"), "Changed."));
        long kept = ids.get(0);
        long damaged = ids.get(1);
        execute("update article_original set content = content || '\\x20'::bytea where article_id = " + damaged);

        FixityChecks.Pass pass = checks.run("tester", true, 0).orElseThrow();
        assertTrue(pass.checked() >= 2 && pass.failed() >= 1, pass.toString());

        JsonPath events = given().get("/api/articles/" + damaged + "/events")
                .then()
                .extract()
                .jsonPath();
        assertEquals(List.of("ingestion", "fixity check"), events.getList("event_type"));
        assertEquals("failure", events.getString("[1].outcome"));
        assertTrue(events.getString("[1].outcome_detail").contains("was changed or damaged"), events.getString("[1]"));
        JsonPath keptEvents = given().get("/api/articles/" + kept + "/events")
                .then()
                .extract()
                .jsonPath();
        assertEquals(List.of("ingestion", "fixity check"), keptEvents.getList("event_type"));
        assertEquals("success", keptEvents.getString("[1].outcome"), "the pass's chunk that checked it");
        assertEquals(pass.identifier(), keptEvents.getString("[1].identifier"));
        asAdmin()
                .get("/admin")
                .then()
                .statusCode(200)
                .body(containsString("Article #" + damaged + "</a> failed its fixity check"));

        execute("update article_original set content = substring(content from 1 for length(content) - 1)"
                + " where article_id = " + damaged);
        asAdmin()
                .post("/api/fixity/articles/" + damaged)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("success"))
                .body("article_id", equalTo((int) damaged));
        asAdmin().get("/admin").then().body(not(containsString("Article #" + damaged + "</a> failed")));
    }

    @Test
    void aPassGoesOnWhereItEndedAndChecksWhatWasStoredMeanwhile() throws Exception {
        CatalogFixtures.ingest(article("Early", LocalDate.of(2024, 1, 3), uniqueUrl(), "Old."));
        checks.run("tester", true, 0).orElseThrow();
        FixityChecks.Pass idle = checks.run("tester", false, 0).orElseThrow();
        assertEquals(0, idle.checked(), "nothing new: the pass is done until its interval is over");
        long added = CatalogFixtures.ingest(article("Late", LocalDate.of(2024, 1, 3), uniqueUrl(), "New."))
                .get(0);
        FixityChecks.Pass goesOn = checks.run("tester", false, 0).orElseThrow();
        assertEquals(1, goesOn.checked());
        assertEquals(idle.identifier(), goesOn.identifier(), "the same pass");
        given().get("/api/articles/" + added + "/events").then().body("[1].event_type", equalTo("fixity check"));
    }

    @Test
    void checksOnDemandAreForArchivists() {
        given().post("/api/fixity").then().statusCode(401);
        given().post("/api/fixity/articles/1").then().statusCode(401);
        asAdmin().post("/api/fixity/articles/999999999").then().statusCode(404);
        asAdmin().post("/api/fixity/articles/x").then().statusCode(400).body("parameter", equalTo("id"));
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = CatalogTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
