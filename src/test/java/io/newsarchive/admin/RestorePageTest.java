package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The restore page: admins only, a bag into a catalog that holds articles only as a merge, a damaged bag refused. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class RestorePageTest {

    @Test
    void anAdminMergesABagAndIsToldWhyADamagedOneIsRefused() {
        String url = uniqueUrl();
        String host = URI.create(url).getHost().substring(4);
        CatalogFixtures.ingest(article("Kept", LocalDate.of(2024, 1, 2), url, "Text."));
        byte[] bag = asAdmin()
                .get("/api/export?format=bagit&source=" + host)
                .then()
                .extract()
                .asByteArray();
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        admin.request()
                .multiPart("bag", "mine.bag.zip", bag, "application/zip")
                .multiPart("csrf", admin.csrf())
                .post("/admin/restore")
                .then()
                .statusCode(422)
                .body(containsString("Nothing was restored"))
                .body(containsString("the catalog is not empty"));
        admin.request()
                .multiPart("bag", "mine.bag.zip", bag, "application/zip")
                .multiPart("merge", "true")
                .multiPart("csrf", admin.csrf())
                .post("/admin/restore")
                .then()
                .statusCode(200)
                .body(containsString("Restored 0 articles and 0 ingest runs from <code>urn:uuid:"))
                .body(containsString("(1 article held here already)"));
        admin.request()
                .multiPart("bag", "not-a-bag.zip", "plain text".getBytes(), "application/zip")
                .multiPart("csrf", admin.csrf())
                .post("/admin/restore")
                .then()
                .statusCode(422)
                .body(containsString("not-a-bag.zip is not a readable zip file or bag folder"));
    }

    @Test
    void archivistsCannotRestore() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        assertEquals(403, archivist.request().get("/admin/restore").statusCode());
    }
}
