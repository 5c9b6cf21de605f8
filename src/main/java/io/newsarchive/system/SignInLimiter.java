package io.newsarchive.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts failed sign-ins per user name and per client address over a sliding window, and refuses further attempts
 * once either count reaches its limit. Kept in memory (a restart forgets it); sign-ins are rare enough to take turns.
 */
@ApplicationScoped
public class SignInLimiter {

    /** Above this many keys (a spray of user names), keys with no recent failure are dropped. */
    private static final int SWEEP_ABOVE_KEYS = 10_000;

    private final CatalogConfig.SignIn config;
    private final Clock clock;
    /** Failure times per key, oldest first; a key whose failures have all left the window is removed. */
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    @Inject
    SignInLimiter(CatalogConfig config) {
        this(config.signIn(), Clock.systemUTC());
    }

    SignInLimiter(CatalogConfig.SignIn config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long until this user name may try again from this address; empty when it may now. */
    public synchronized Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(freeAt(userKey(username), config.maxFailuresPerUser(), now),
                        freeAt(addressKey(address), config.maxFailuresPerAddress(), now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(at -> Duration.between(now, at));
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[]{userKey(username), addressKey(address)}) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
        if (failures.size() > SWEEP_ABOVE_KEYS) {
            failures.values().removeIf(times -> prune(times, now).isEmpty());
        }
    }

    private Optional<Instant> freeAt(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times != null && prune(times, now).isEmpty()) {
            failures.remove(key);
        }
        if (times == null || times.size() < limit) {
            return Optional.empty();
        }
        // free once enough of the oldest failures have left the window
        return Optional.of(times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(config.window()));
    }

    private Deque<Instant> prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(config.window()).isAfter(now)) {
            times.removeFirst();
        }
        return times;
    }

    private static String userKey(String username) {
        return "user " + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address " + address;
    }
}
