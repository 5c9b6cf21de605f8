package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code catalog.uploads.shared=false} an upload's files are its uploader's and the admins' alone. */
@QuarkusTest
@TestProfile(PrivateUploadsTest.Private.class)
@QuarkusTestResource(CatalogTestDatabase.class)
class PrivateUploadsTest {

    public static class Private implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.uploads.shared", "false");
        }
    }

    @Test
    void onlyTheUploaderAndAdminsMayDownloadStoreOrRunAnUploadAgain() {
        String name = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession uploader = TestUsers.signIn(name, TestUsers.PASSWORD);
        TestUsers.BrowserSession colleague = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        long dryRun = RunsPageTest.upload(
                uploader,
                "dry_run",
                Map.of(
                        "bad.txt",
                        "No date\n\nhttps://example.com/x\nText.\n",
                        "good.txt",
                        article("Private upload", uniqueUrl(), "Text.")));
        assertEquals("completed", AdminFixtures.awaitFinished(uploader, dryRun));

        colleague
                .request()
                .get("/admin/runs/" + dryRun + "/rejected.zip")
                .then()
                .statusCode(403)
                .body(containsString("uploaded by " + name));
        colleague
                .request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", colleague.csrf())
                .post("/admin/runs/" + dryRun + "/commit")
                .then()
                .statusCode(403);
        String page = colleague.request().get("/admin/runs/" + dryRun).body().asString();
        assertTrue(page.contains("bad.txt"), "the report stays readable");
        assertFalse(page.contains("rejected.zip") || page.contains("Store these files"), "its actions do not");

        assertEquals(
                200,
                uploader.request()
                        .get("/admin/runs/" + dryRun + "/rejected.zip")
                        .statusCode());
        assertEquals(
                200,
                admin.request().get("/admin/runs/" + dryRun + "/rejected.zip").statusCode());
        assertEquals(
                303,
                uploader.request()
                        .contentType("application/x-www-form-urlencoded")
                        .formParam("csrf", uploader.csrf())
                        .post("/admin/runs/" + dryRun + "/commit")
                        .statusCode());
    }
}
