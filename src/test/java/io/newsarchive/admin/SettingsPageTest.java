package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins see the settings in force; nobody else does. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SettingsPageTest {

    @Test
    void anAdminSeesTheSettingsInForceWithWhereToChangeThem() {
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        // the cells' column names (data-label, for phones) left out
        String page = admin.request()
                .get("/admin/settings")
                .body()
                .asString()
                .replaceAll("<td data-label=\"[^\"]*\">", "<td>");
        assertTrue(
                page.contains("<td>Visitors who have not signed in may browse, search and export</td><td>yes</td>"
                        + "<td><code>CATALOG_ANONYMOUS_BROWSING</code></td>"),
                page);
        assertTrue(page.contains("<td>Largest uploaded file</td><td>512 MiB</td>"), page);
        assertTrue(page.contains("<td>How long an upload is kept after its last run</td><td>30 days</td>"), page);
        assertTrue(page.contains("<td>How long a failed sign-in counts</td><td>15 minutes</td>"), page);
        assertTrue(page.contains("<td>Text searches answered at once</td><td>4</td>"), page);
        assertTrue(page.contains("<td>Longest headline</td><td>1000 characters</td>"), page);
        assertTrue(page.contains("<td>Longest source URL (UTF-8)</td><td>2000 bytes</td>"), page);
        assertTrue(page.contains("<code>target/uploads</code>"), "the test profile's own value: " + page);
        assertTrue(
                page.contains("<td>Most a fixity pass reads a second</td><td>16 MiB, 1000 articles an event</td>"),
                page);
        assertTrue(admin.request().get("/admin").body().asString().contains("href=\"/admin/settings\""));
    }

    @Test
    void anArchivistCannotSeeThem() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        assertEquals(403, archivist.request().get("/admin/settings").statusCode());
        assertFalse(archivist.request().get("/admin").body().asString().contains("href=\"/admin/settings\""));
    }
}
