package io.newsarchive.admin;

import io.newsarchive.testing.TestUsers;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Uploads made as the admin pages make them. */
public final class AdminFixtures {

    private AdminFixtures() {}

    /** Uploads one article file for a dry run as the first admin and waits for the run to complete; returns its id. */
    public static long dryRun(String article) {
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Response started = admin.request()
                .multiPart("csrf", admin.csrf())
                .multiPart("mode", "dry_run")
                .multiPart("file", "article.txt", article.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/admin/upload");
        assertEquals(303, started.statusCode(), started.body().asString());
        long runId = Long.parseLong(started.header("Location").replaceAll(".*/admin/runs/", ""));
        awaitFinished(admin, runId);
        return runId;
    }

    /** Waits until a run is no longer running; returns its status. */
    public static String awaitFinished(TestUsers.BrowserSession session, long runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String status = session.request()
                    .get("/admin/runs/" + runId + "/progress")
                    .jsonPath()
                    .getString("status");
            if (!"running".equals(status)) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("run " + runId + " did not finish within 30 s");
    }
}
