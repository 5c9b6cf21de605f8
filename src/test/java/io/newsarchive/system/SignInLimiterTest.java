package io.newsarchive.system;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInLimiterTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    private final SignInLimiter limiter = new SignInLimiter(new CatalogConfig.SignIn() {
        public int maxFailuresPerUser() {
            return 3;
        }

        public int maxFailuresPerAddress() {
            return 5;
        }

        public Duration window() {
            return Duration.ofMinutes(15);
        }

        public Duration sessionLifetime() {
            return Duration.ofHours(1);
        }
    }, new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    });

    @Test
    void aUserNameIsBlockedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.blocked("Ana", "10.0.0.1"));
            limiter.failed("ana", "10.0.0." + i);
            now = now.plus(Duration.ofMinutes(1));
        }
        // the same name in another case, from another address
        assertEquals(Optional.of(Duration.ofMinutes(12)), limiter.blocked("ANA", "10.0.0.9"));
        assertEquals(Optional.empty(), limiter.blocked("bob", "10.0.0.1"));
        now = now.plus(Duration.ofMinutes(12));
        assertEquals(Optional.empty(), limiter.blocked("ana", "10.0.0.1"));
    }

    @Test
    void anAddressIsBlockedAfterFailuresForManyNames() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("user" + i, "192.0.2.7");
        }
        assertTrue(limiter.blocked("someone-new", "192.0.2.7").isPresent());
        assertEquals(Optional.empty(), limiter.blocked("someone-new", "192.0.2.8"));
        now = now.plus(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), limiter.blocked("someone-new", "192.0.2.7"));
    }
}
