package io.newsarchive.system;

import com.google.common.hash.Hashing;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages link the stylesheet, the script and the icon by a version that is a hash of the file; a versioned address is
 * kept by browsers for a year, any other is checked again on every use.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class StaticAssetsTest {

    private static final Pattern LINK =
            Pattern.compile("(?:href|src)=\"/([a-z]+\\.(?:css|js|svg))\\?v=([0-9a-f]{12})\"");

    @Test
    void pagesLinkEachFileByTheHashOfWhatIsServed() {
        Map<String, String> types =
                Map.of("catalog.css", "text/css", "admin.js", "text/javascript", "favicon.svg", "image/svg+xml");
        String pages = given().get("/").asString()
                + asAdmin().redirects().follow(true).get("/admin").asString();
        Matcher link = LINK.matcher(pages);
        int found = 0;
        while (link.find()) {
            String name = link.group(1);
            byte[] served = given().get("/" + name + "?v=" + link.group(2))
                    .then()
                    .statusCode(200)
                    .contentType(startsWith(types.get(name)))
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                    .extract()
                    .asByteArray();
            assertEquals(Hashing.sha256().hashBytes(served).toString().substring(0, 12), link.group(2), name);
            given().head("/" + name + "?v=" + link.group(2))
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
            found++;
        }
        assertTrue(found >= 3, "versioned links found: " + found);
    }

    @Test
    void otherAddressesAreCheckedAgain() {
        given().get("/catalog.css").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/catalog.css?v=000000000000").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
    }
}
