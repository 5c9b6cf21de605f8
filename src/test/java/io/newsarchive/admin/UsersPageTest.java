package io.newsarchive.admin;

import io.newsarchive.account.CatalogUser;
import io.newsarchive.account.Role;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins manage users; every change is audited, and the last admin cannot be locked out. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class UsersPageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    /** On a phone each user is a card holding its forms, and the page does not scroll sideways (it did as a table). */
    @Test
    void onAPhoneEachUserIsACardWithItsForms() throws IOException {
        TestUsers.newUser(Role.VIEWER);
        browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        try {
            HeadlessChromium.phone(browser);
            browser.open("/admin/users");
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));
            WebElement row = browser.findElement(By.cssSelector("table.users tbody tr"));
            assertEquals("block", row.getCssValue("display"), "a card");
            long width = ((Number)
                            ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth"))
                    .longValue();
            for (WebElement control : row.findElements(By.cssSelector("select, input:not([type=hidden]), button"))) {
                assertTrue(control.isDisplayed());
                assertTrue(
                        control.getRect().getX() + control.getRect().getWidth() <= width,
                        control.getAttribute("outerHTML") + " fits the screen");
            }
            HeadlessChromium.screenshot(browser, "users-phone");
            HeadlessChromium.desktop(browser);
            browser.open("/admin/users");
            assertEquals(
                    "table-row",
                    browser.findElement(By.cssSelector("table.users tbody tr")).getCssValue("display"));
            HeadlessChromium.screenshot(browser, "users-desktop");
        } finally {
            HeadlessChromium.desktop(browser);
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void anAdminAddsAUserChangesTheirRoleResetsTheirPasswordAndDisablesThem() {
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String name = "kim-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                303,
                post(admin, "/admin/users", "username", name, "role", "viewer", "password", TestUsers.PASSWORD)
                        .statusCode());
        TestUsers.BrowserSession kim = TestUsers.signIn(name, TestUsers.PASSWORD);
        assertEquals(403, kim.request().get("/admin").statusCode());

        long id = QuarkusTransaction.requiringNew()
                .call(() -> CatalogUser.named(name).orElseThrow().id);
        assertEquals(
                303,
                post(admin, "/admin/users/" + id + "/role", "role", "archivist").statusCode());
        assertEquals(200, kim.request().get("/admin").statusCode(), "the new role applies to the open session");

        assertEquals(
                303,
                post(admin, "/admin/users/" + id + "/password", "password", "a brand new password")
                        .statusCode());
        assertEquals(302, kim.request().get("/admin").statusCode(), "a reset password signs the user out");
        assertEquals(
                401,
                given().auth()
                        .preemptive()
                        .basic(name, TestUsers.PASSWORD)
                        .get("/api/ingest-runs")
                        .statusCode());
        TestUsers.BrowserSession again = TestUsers.signIn(name, "a brand new password");

        assertEquals(303, post(admin, "/admin/users/" + id + "/disable").statusCode());
        assertEquals(302, again.request().get("/admin").statusCode(), "disabling signs the user out");
        assertEquals(303, post(admin, "/admin/users/" + id + "/enable").statusCode());
        TestUsers.signIn(name, "a brand new password");

        String page = admin.request().get("/admin/users").body().asString();
        assertTrue(page.contains(name), page);
        for (AuditAction action : new AuditAction[] {
            AuditAction.USER_ADD,
            AuditAction.USER_ROLE,
            AuditAction.USER_PASSWORD,
            AuditAction.USER_DISABLE,
            AuditAction.USER_ENABLE
        }) {
            long events = QuarkusTransaction.requiringNew()
                    .call(() -> AuditEvent.count(
                            "action = ?1 and subjectUser = ?2 and username = ?3", action, name, TestUsers.ADMIN));
            assertEquals(1, events, action.toString());
        }
    }

    @Test
    void badValuesAreRefusedByName() {
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Response shortPassword = post(
                admin, "/admin/users", "username", "x-" + UUID.randomUUID(), "role", "viewer", "password", "short");
        assertEquals(400, shortPassword.statusCode());
        assertTrue(shortPassword.body().asString().contains("at least 12 characters"));
        Response badRole = post(
                admin,
                "/admin/users",
                "username",
                "x-" + UUID.randomUUID(),
                "role",
                "owner",
                "password",
                TestUsers.PASSWORD);
        assertEquals(400, badRole.statusCode());
        assertTrue(
                badRole.body().asString().contains("<code>role</code>"),
                badRole.body().asString());
        assertEquals(
                409,
                post(
                                admin,
                                "/admin/users",
                                "username",
                                TestUsers.ADMIN,
                                "role",
                                "viewer",
                                "password",
                                TestUsers.PASSWORD)
                        .statusCode());
    }

    @Test
    void theOnlyEnabledAdminCannotBeDisabledOrDemoted() {
        String other = TestUsers.newUser(Role.ADMIN);
        TestUsers.BrowserSession admin = TestUsers.signIn(other, TestUsers.PASSWORD);
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogUser.update(
                        "disabledAt = current_timestamp where role = 'admin' and username <> ?1", other));
        try {
            long id = QuarkusTransaction.requiringNew()
                    .call(() -> CatalogUser.named(other).orElseThrow().id);
            Response disable = post(admin, "/admin/users/" + id + "/disable");
            assertEquals(409, disable.statusCode());
            assertTrue(disable.body().asString().contains("the only enabled admin"));
            assertEquals(
                    409,
                    post(admin, "/admin/users/" + id + "/role", "role", "viewer")
                            .statusCode());
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> CatalogUser.update("disabledAt = null where username = ?1", TestUsers.ADMIN));
        }
    }

    private static Response post(TestUsers.BrowserSession session, String path, String... fields) {
        var request = session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }
}
