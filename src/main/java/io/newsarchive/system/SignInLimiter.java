package io.newsarchive.system;

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
import java.util.Locale;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts failed sign-ins per user name and per client address (an IPv6 address by its /64, which one client
 * usually holds whole) over a sliding window, and refuses further attempts once either count reaches its limit.
 * An attempt counts as failed from its start, before the password is checked, so that guesses sent in parallel
 * count too; a successful one is taken back. Kept in memory (a restart forgets it); sign-ins are rare enough to take
 * turns.
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
        List<String> keys = List.of(userKey(username), addressKey(address));
        Optional<Duration> wait = Stream.of(freeAt(keys.get(0), config.maxFailuresPerUser(), now),
                        freeAt(keys.get(1), config.maxFailuresPerAddress(), now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(at -> Duration.between(now, at));
        if (wait.isPresent()) {
            return new Attempt(keys, now, wait.get());
        }
        for (String key : keys) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
        if (failures.size() > SWEEP_ABOVE_KEYS) {
            failures.values().removeIf(times -> prune(times, now).isEmpty());
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
