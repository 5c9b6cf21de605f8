package io.newsarchive.system;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests signed in with HTTP Basic as the first admin of the test profile ({@code %test.catalog.admin.*}). */
public final class TestUsers {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestUsers() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }
}
