package io.newsarchive.system;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class UnsendableHeadersTest {

    @Test
    void anAnswerWhoseHeaderHttpCannotCarryBecomesA500WithABodyInsteadOfNoAnswer() {
        given().config(RestAssuredConfig.config()
                        .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000)))
                .get("/api/test-only/unsendable-header")
                .then()
                .statusCode(500)
                .header("X-Injected", nullValue())
                .header("X-Broken", nullValue())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body("error", equalTo("internal_error"))
                .body("message", containsString("X-Broken"));
    }
}
