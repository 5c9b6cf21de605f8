package io.newsarchive.admin;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class AuditPageTest {

    @Test
    void aControlCharacterInAFilterIsA400NamingIt() {
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        admin.request()
                .urlEncodingEnabled(false)
                .get("/admin/audit?user=%00")
                .then()
                .statusCode(400)
                .body(containsString("user holds a control character"));
    }
}
