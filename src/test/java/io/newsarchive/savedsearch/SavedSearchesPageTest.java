package io.newsarchive.savedsearch;

import io.newsarchive.account.CatalogUser;
import io.newsarchive.account.Role;
import io.newsarchive.account.UserAccounts;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed-in user saves the search they see, lists, renames and deletes it; its feed is read without a session at
 * its token's address, and ends with the search or the user. Other users cannot touch it.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SavedSearchesPageTest {

    private static final Pattern FEED = Pattern.compile("href=\"(/feeds/[A-Za-z0-9_-]{43})\"");

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Inject
    UserAccounts accounts;

    @Test
    void aViewerSavesTheSearchRenamesItReadsItsFeedWithoutSigningInAndDeletesIt() throws Exception {
        String word = uniqueWord();
        String host = "https://news." + uniqueDomain() + "/";
        ingest(
                article(word + " first", LocalDate.of(2022, 7, 1), host + "1", "Text."),
                article(word + " second", LocalDate.of(2022, 7, 2), host + "2", "Text."));

        browser.open("/?q=" + word);
        assertTrue(
                browser.findElements(By.cssSelector("form.save-search")).isEmpty(), "nothing to save when signed out");
        String viewer = TestUsers.newUser(Role.VIEWER);
        browser.signIn(viewer, TestUsers.PASSWORD);

        browser.open("/?q=" + word);
        HeadlessChromium.screenshot(browser, "catalog-signed-in");
        WebElement name = browser.findElement(By.id("saved-search-name"));
        assertEquals(word, name.getAttribute("value"), "named after its words until renamed");
        name.clear();
        name.sendKeys("Watching " + word);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.xpath("//button[.='Save this search']")));
        assertTrue(browser.getCurrentUrl().contains("/saved-searches#saved-"), browser.getCurrentUrl());
        WebElement saved = browser.findElement(By.cssSelector("ul.saved-searches li"));
        assertEquals("Watching " + word, saved.findElement(By.tagName("h2")).getText());
        assertTrue(saved.getText().contains("The articles matching \"" + word + "\""), saved.getText());

        WebElement rename = saved.findElement(By.cssSelector("input[name=name]"));
        rename.clear();
        rename.sendKeys("Renamed " + word);
        HeadlessChromium.clickAndLoad(browser, saved.findElement(By.xpath(".//button[.='Rename']")));
        saved = browser.findElement(By.cssSelector("ul.saved-searches li"));
        assertEquals("Renamed " + word, saved.findElement(By.tagName("h2")).getText());
        HeadlessChromium.clickAndLoad(browser, saved.findElement(By.linkText("Renamed " + word)));
        assertEquals("2 articles", browser.findElement(By.tagName("h1")).getText(), "the search opens again");
        browser.navigate().back();

        String feed =
                browser.findElement(By.cssSelector("ul.saved-searches a.feed")).getAttribute("href");
        assertTrue(feed.matches(".*/feeds/[A-Za-z0-9_-]{43}"), feed);
        XmlPath atom = given().get(feed)
                .then()
                .statusCode(200)
                .contentType("application/atom+xml;charset=UTF-8")
                .extract()
                .xmlPath();
        assertEquals("News archive: Renamed " + word, atom.getString("feed.title"));
        assertEquals(2, atom.getInt("feed.entry.size()"));
        assertEquals(word + " second", atom.getString("feed.entry[0].title"));
        assertEquals(feed, atom.getString("feed.link.find { it.@rel == 'self' }.@href"));
        HeadlessChromium.screenshot(browser, "saved-searches");

        WebElement delete = browser.findElement(By.xpath("//button[.='Delete “Renamed " + word + "”']"));
        delete.click();
        assertEquals(
                1, browser.findElements(By.cssSelector("ul.saved-searches li")).size(), "not without the tick");
        browser.findElement(By.cssSelector("ul.saved-searches input[name=confirm]"))
                .click();
        HeadlessChromium.clickAndLoad(browser, delete);
        assertTrue(browser.findElements(By.cssSelector("ul.saved-searches li")).isEmpty());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("You have saved no search yet."));
        given().get(feed).then().statusCode(404);
    }

    @Test
    void onlyItsOwnerChangesASavedSearchAndBadFormsAreRefusedByField() {
        TestUsers.BrowserSession owner = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        TestUsers.BrowserSession other = TestUsers.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD);
        long id = save(owner, "Mine", "source=example.org&q=troops");
        assertTrue(page(owner).contains("The articles matching &quot;troops&quot; from example.org"), "kept in order");
        assertFalse(page(other).contains("Mine"), "nobody else sees it");

        post(other, "/saved-searches/" + id + "/rename", "name", "Theirs")
                .then()
                .statusCode(404);
        post(other, "/saved-searches/" + id + "/delete", "confirm", "on").then().statusCode(404);
        post(owner, "/saved-searches/" + id + "/delete", "name", "")
                .then()
                .statusCode(400)
                .body(containsString("<code>confirm</code>"));
        owner.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("name", "No token")
                .post("/saved-searches/" + id + "/rename")
                .then()
                .statusCode(403)
                .body(containsString("<code>csrf</code>"));
        post(owner, "/saved-searches/" + id + "/rename", "name", " ")
                .then()
                .statusCode(400)
                .body(containsString("<code>name</code>"));
        post(owner, "/saved-searches/" + id + "/rename", "name", "x".repeat(201))
                .then()
                .statusCode(400)
                .body(containsString("<code>name</code>"));
        post(owner, "/saved-searches/abc/rename", "name", "x")
                .then()
                .statusCode(400)
                .body(containsString("<code>id</code>"));
        for (String query : new String[] {"from=2022-13-01", "url=https://example.org/", "q=" + "w".repeat(501)}) {
            owner.request()
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", owner.csrf())
                    .formParam("name", "Bad")
                    .formParam("query", query)
                    .post("/saved-searches")
                    .then()
                    .statusCode(400)
                    .body(containsString("<code>query</code>"));
        }
        assertTrue(page(owner).contains("Mine"));
        assertFalse(page(owner).contains("Bad"), "nothing refused was saved");
        given().redirects().follow(false).get("/saved-searches").then().statusCode(302);
    }

    @Test
    void aFeedEndsWithItsUserAndASearchOfWithdrawnArticlesHasNone() {
        String username = TestUsers.newUser(Role.VIEWER);
        TestUsers.BrowserSession user = TestUsers.signIn(username, TestUsers.PASSWORD);
        save(user, "Withdrawn ones", "status=withdrawn");
        assertTrue(page(user).contains("no feed: feeds list public articles only"));
        save(user, "Everything", "");
        Matcher feed = FEED.matcher(page(user));
        assertTrue(feed.find());
        given().get(feed.group(1)).then().statusCode(200);
        long userId = QuarkusTransaction.requiringNew()
                .call(() -> CatalogUser.named(username).orElseThrow().id);
        accounts.disable(userId, TestUsers.ADMIN);
        given().get(feed.group(1)).then().statusCode(404);
        given().get("/feeds/" + "A".repeat(43)).then().statusCode(404);
    }

    private static long save(TestUsers.BrowserSession session, String name, String query) {
        Response saved = session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .formParam("name", name)
                .formParam("query", query)
                .post("/saved-searches");
        assertEquals(303, saved.statusCode(), saved.body().asString());
        Matcher id = Pattern.compile("#saved-(\\d+)$").matcher(saved.header("Location"));
        assertTrue(id.find(), saved.header("Location"));
        return Long.parseLong(id.group(1));
    }

    private static Response post(TestUsers.BrowserSession session, String path, String field, String value) {
        return session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", session.csrf())
                .formParam(field, value)
                .post(path);
    }

    private static String page(TestUsers.BrowserSession session) {
        return session.request()
                .get("/saved-searches")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
