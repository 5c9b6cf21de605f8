package io.newsarchive.account;

import io.newsarchive.system.CatalogConfig;
import io.newsarchive.testing.CatalogTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInLimiterTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    private final CatalogConfig.SignIn config = new CatalogConfig.SignIn() {
        public int failuresBeforeDelay() {
            return 3;
        }

        public Duration firstDelay() {
            return Duration.ofSeconds(5);
        }

        public int maxFailuresPerAddress() {
            return 20;
        }

        public Duration window() {
            return Duration.ofMinutes(15);
        }

        public Duration sessionLifetime() {
            return Duration.ofHours(1);
        }
    };

    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };

    /** One catalog for the class, emptied before each test: the limiter keeps its failures there. */
    private static DataSource catalog;

    private final SignInLimiter limiter = new SignInLimiter(config, clock, catalog);

    @BeforeAll
    static void catalog() {
        Map<String, String> database = CatalogTestDatabase.freshDatabase();
        CatalogTestDatabase.migrate(database);
        catalog = CatalogTestDatabase.dataSource(database);
    }

    @BeforeEach
    void noFailures() throws SQLException {
        try (Connection c = catalog.getConnection()) {
            c.createStatement().execute("truncate sign_in_failure");
        }
    }

    @Test
    void twoInstancesOnOneCatalogCountTheSameFailures() {
        SignInLimiter other = new SignInLimiter(config, clock, catalog);
        for (int i = 0; i < 3; i++) {
            assertFalse(limiter.attempt("ana", "10.0.0.1").refused());
        }
        assertEquals(
                Duration.ofSeconds(5), other.attempt("ana", "10.0.0.1").retryAfter(), "the other instance counts them");
    }

    @Test
    void aUserNameFromOneAddressWaitsTwiceAsLongAfterEachFailureBeyondTheFreeOnes() {
        for (int i = 0; i < 3; i++) {
            assertFalse(limiter.attempt("ana", "10.0.0.1").refused());
        }
        for (long wait : new long[] {5, 10, 20, 40, 80, 160, 320, 640, 900, 900}) {
            // the same name in another case
            assertEquals(
                    Duration.ofSeconds(wait), limiter.attempt("ANA", "10.0.0.1").retryAfter());
            now = now.plus(Duration.ofSeconds(wait));
            assertFalse(limiter.attempt("ana", "10.0.0.1").refused(), "free again after " + wait + " s");
        }
        now = now.plus(Duration.ofMinutes(15 + 15));
        assertFalse(
                limiter.attempt("ana", "10.0.0.1").refused(), "a quiet window after the wait starts the pair afresh");
        assertFalse(limiter.attempt("ana", "10.0.0.1").refused());
    }

    @Test
    void aStrangersFailuresNeverRefuseTheUserFromAnotherAddress() {
        for (int i = 0; i < 50; i++) {
            SignInLimiter.Attempt guess = limiter.attempt("admin2", "198.51.100.9");
            if (guess.refused()) {
                now = now.plus(guess.retryAfter());
            }
            SignInLimiter.Attempt real = limiter.attempt("admin2", "10.0.0.1");
            assertFalse(real.refused(), "the real user, after guess " + i);
            limiter.takeBack(real);
            now = now.plus(Duration.ofSeconds(1));
        }
    }

    @Test
    void anAddressIsBlockedAfterFailuresForManyNamesUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 20; i++) {
            limiter.attempt("user" + i, "192.0.2.7");
        }
        assertTrue(limiter.attempt("someone-new", "192.0.2.7").refused());
        assertFalse(limiter.attempt("someone-new", "192.0.2.8").refused());
        now = now.plus(Duration.ofMinutes(15));
        assertFalse(limiter.attempt("someone-new", "192.0.2.7").refused());
    }

    @Test
    void attemptsInParallelCountBeforeTheirPasswordsAreCheckedAndSuccessesAreTakenBack() {
        List<SignInLimiter.Attempt> inFlight = List.of(
                limiter.attempt("ana", "10.0.0.1"),
                limiter.attempt("ana", "10.0.0.1"),
                limiter.attempt("ana", "10.0.0.1"));
        assertTrue(inFlight.stream().noneMatch(SignInLimiter.Attempt::refused));
        assertTrue(limiter.attempt("ana", "10.0.0.1").refused(), "three guesses are under way");
        inFlight.forEach(limiter::takeBack);
        assertFalse(limiter.attempt("ana", "10.0.0.1").refused(), "they all had the right password");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        for (int i = 0; i < 20; i++) {
            limiter.attempt("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertTrue(limiter.attempt("someone-new", "2001:db8:1:2:ffff::9").refused());
        assertFalse(limiter.attempt("someone-new", "2001:db8:1:3::1").refused());
    }
}
