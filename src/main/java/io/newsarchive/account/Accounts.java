package io.newsarchive.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks user names and passwords, for the sign-in form and for HTTP Basic alike, within the sign-in limits.
 * Checks of one user name take turns, so that guesses sent in parallel meet the limit like guesses sent one by one.
 * A password verified in the last minute is taken without bcrypt and without counting as an attempt, so that a
 * script's many requests cost one check; the key includes the stored hash, so a new password ends that at once.
 */
@ApplicationScoped
public class Accounts {

    private static final int TURNS = 64;

    @Inject
    SignInLimiter limiter;

    private final Object[] turns = new Object[TURNS];
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    Accounts() {
        for (int i = 0; i < TURNS; i++) {
            turns[i] = new Object();
        }
    }

    /** What a sign-in attempt came to; exactly one of the three is set. */
    public record SignInResult(CatalogUser user, Duration retryAfter, String refusal) {}

    /** Blocking: reads the user and runs bcrypt. */
    public SignInResult check(String username, String password, String address) {
        Optional<CatalogUser> user = CatalogUser.isValidName(username)
                ? QuarkusTransaction.requiringNew().call(() -> CatalogUser.named(username))
                : Optional.empty();
        String key = user.map(u -> verifiedKey(u, password)).orElse(null);
        if (key == null || verified.getIfPresent(key) == null) {
            synchronized (turns[Math.floorMod(username.toLowerCase(Locale.ROOT).hashCode(), TURNS)]) {
                if (key == null || verified.getIfPresent(key) == null) {
                    SignInResult refused = checkPassword(user, username, password, address);
                    if (refused != null) {
                        return refused;
                    }
                    verified.put(key, true);
                }
            }
        }
        if (!user.get().enabled()) {
            return new SignInResult(null, null, "this account is disabled; an admin can enable it again");
        }
        return new SignInResult(user.get(), null, null);
    }

    /** Null when the password is right. */
    private SignInResult checkPassword(Optional<CatalogUser> user, String username, String password, String address) {
        SignInLimiter.Attempt attempt = limiter.attempt(username, address);
        if (attempt.refused()) {
            return new SignInResult(null, attempt.retryAfter(), null);
        }
        boolean right;
        try {
            if (user.isEmpty()) {
                // as slow as a wrong password, so that the time taken does not tell which names exist
                CatalogUser.checkForNobody(password);
            }
            right = user.isPresent() && user.get().passwordMatches(password);
        } catch (RuntimeException e) {
            limiter.takeBack(attempt);
            throw e;
        }
        if (!right) {
            return new SignInResult(null, null, "wrong user name or password");
        }
        limiter.takeBack(attempt);
        return null;
    }

    private static String verifiedKey(CatalogUser user, String password) {
        return HexFormat.of().formatHex(Sessions.sha256(String.join("\0", user.username, password, user.passwordHash)));
    }
}
