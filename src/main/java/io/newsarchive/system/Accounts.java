package io.newsarchive.system;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/** Checks user names and passwords, for the sign-in form and for HTTP Basic alike, within the sign-in limits. */
@ApplicationScoped
public class Accounts {

    @Inject
    SignInLimiter limiter;

    /** What a sign-in attempt came to; exactly one of the three is set. */
    public record SignInResult(CatalogUser user, Duration retryAfter, String refusal) {
    }

    /** Blocking: reads the user and runs bcrypt. */
    public SignInResult check(String username, String password, String address) {
        SignInLimiter.Attempt attempt = limiter.attempt(username, address);
        if (attempt.refused()) {
            return new SignInResult(null, attempt.retryAfter(), null);
        }
        Optional<CatalogUser> user = QuarkusTransaction.requiringNew().call(() -> CatalogUser.named(username));
        if (user.isEmpty()) {
            // as slow as a wrong password, so that the time taken does not tell which names exist
            CatalogUser.checkForNobody(password);
        }
        if (user.isEmpty() || !user.get().passwordMatches(password)) {
            return new SignInResult(null, null, "wrong user name or password");
        }
        limiter.succeeded(attempt);
        if (!user.get().enabled()) {
            return new SignInResult(null, null, "this account is disabled; an admin can enable it again");
        }
        return new SignInResult(user.get(), null, null);
    }
}
