package io.newsarchive.catalog;

import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.newsarchive.testing.TestUsers.asAdmin;

/** Articles for listing tests, stored through the ingest API, on sources no other test uses. */
public final class CatalogFixtures {

    private CatalogFixtures() {}

    /** A registrable domain of its own, such as {@code t3f9a1c2.co.uk}. */
    public static String uniqueDomain() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".co.uk";
    }

    /** A made-up word no other article contains, for text searches. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    /** Ingests the files in order and answers their article ids. */
    public static List<Long> ingest(String... files) {
        RequestSpecification request = asAdmin();
        for (int i = 0; i < files.length; i++) {
            request.multiPart(
                    "file",
                    String.format("%03d_fixture.txt", i),
                    files[i].getBytes(StandardCharsets.UTF_8),
                    "text/plain");
        }
        List<Number> ids =
                request.post("/api/ingest").then().statusCode(200).extract().path("files.article_id");
        return ids.stream().map(Number::longValue).toList();
    }
}
