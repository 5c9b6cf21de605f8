package io.newsarchive.account;

import io.newsarchive.system.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Slows down guessing without letting a stranger lock anyone out. Failed sign-ins count per pair of user name and
 * client address (an IPv6 address by its /64, which one client usually holds whole): after a few, each further
 * attempt of that pair waits twice as long as the one before, up to the window; a pair that stays quiet for a window
 * after its wait starts afresh. They also count per address across all user names over a sliding window, which a spray of names
 * meets. A user's failures from one address never hold up the same user from
 * another. An attempt counts as failed from its start, before the password is checked, so that guesses sent in
 * parallel count too; a successful one is taken back. Kept in memory (a restart forgets it); sign-ins are rare enough
 * to take turns.
 */
@ApplicationScoped
public class SignInLimiter {

    /** Above this many keys (a spray of user names), keys with no recent failure are dropped. */
    private static final int SWEEP_ABOVE_KEYS = 10_000;

    private static final String PAIR = "pair ";

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

    /**
     * A sign-in attempt.
     *
     * @param retryAfter how long until this user name may try again from this address, when the attempt was refused
     */
    public record Attempt(List<String> keys, Instant at, Duration retryAfter) {
        public boolean refused() {
            return retryAfter != null;
        }
    }

    /** Starts an attempt, counted as failed until {@link #takeBack}, or refuses it. */
    public synchronized Attempt attempt(String username, String address) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        List<String> keys = List.of(PAIR + username.toLowerCase(Locale.ROOT) + " " + addressKey, addressKey);
        Optional<Duration> wait = Stream.of(pairFreeAt(keys.get(0), now), addressFreeAt(keys.get(1), now))
                .flatMap(Optional::stream)
                .filter(at -> at.isAfter(now))
                .max(Comparator.naturalOrder())
                .map(at -> Duration.between(now, at));
        if (wait.isPresent()) {
            return new Attempt(keys, now, wait.get());
        }
        for (String key : keys) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
        if (failures.size() > SWEEP_ABOVE_KEYS) {
            failures.entrySet()
                    .removeIf(e -> prune(e.getKey(), e.getValue(), now).isEmpty());
        }
        return new Attempt(keys, now, null);
    }

    /** Takes back an attempt whose password was right, or that could not be checked. */
    public synchronized void takeBack(Attempt attempt) {
        for (String key : attempt.keys()) {
            Deque<Instant> times = failures.get(key);
            if (times != null && times.removeLastOccurrence(attempt.at()) && times.isEmpty()) {
                failures.remove(key);
            }
        }
    }

    private Optional<Instant> pairFreeAt(String key, Instant now) {
        Deque<Instant> times = recentFailures(key, now);
        return times.isEmpty() ? Optional.empty() : Optional.of(times.peekLast().plus(pairDelay(times.size())));
    }

    /** None for the free failures, then the first delay, doubled for each failure beyond, up to the window. */
    private Duration pairDelay(int failures) {
        int beyond = failures - config.failuresBeforeDelay();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = config.firstDelay().multipliedBy(1L << Math.min(beyond, 30));
        return delay.compareTo(config.window()) > 0 ? config.window() : delay;
    }

    /** Once enough of the oldest failures have left the window. */
    private Optional<Instant> addressFreeAt(String key, Instant now) {
        Deque<Instant> times = recentFailures(key, now);
        int limit = config.maxFailuresPerAddress();
        if (times.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(times.stream()
                .skip(times.size() - limit)
                .findFirst()
                .orElseThrow()
                .plus(config.window()));
    }

    private Deque<Instant> recentFailures(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return new ArrayDeque<>();
        }
        if (prune(key, times, now).isEmpty()) {
            failures.remove(key);
        }
        return times;
    }

    /** Drops what no longer counts: a pair's failures all at once, an address's one by one as they leave the window. */
    private Deque<Instant> prune(String key, Deque<Instant> times, Instant now) {
        if (key.startsWith(PAIR)) {
            if (!times.isEmpty()
                    && !times.peekLast()
                            .plus(pairDelay(times.size()))
                            .plus(config.window())
                            .isAfter(now)) {
                times.clear();
            }
            return times;
        }
        while (!times.isEmpty() && !times.peekFirst().plus(config.window()).isAfter(now)) {
            times.removeFirst();
        }
        return times;
    }

    private static String addressKey(String address) {
        if (address.contains(":")) {
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return "address " + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            } catch (UnknownHostException notALiteral) {
                // counted as given
            }
        }
        return "address " + address;
    }
}
