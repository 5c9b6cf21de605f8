package io.newsarchive.account;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Slows down guessing without letting a stranger lock anyone out. Failed sign-ins count per pair of user name and
 * client address (an IPv6 address by its /64, which one client usually holds whole): after a few, each further
 * attempt of that pair waits twice as long as the one before, up to the window; a pair that stays quiet for a window
 * after its wait starts afresh. They also count per address across all user names over a sliding window, which a spray of names
 * meets. A user's failures from one address never hold up the same user from
 * another. An attempt counts as failed from its start, before the password is checked, so that guesses sent in
 * parallel count too; a successful one is taken back. Kept in PostgreSQL ({@code sign_in_failure}), so that every
 * service instance on the catalog counts the same failures and a restart forgets none; sign-ins are rare enough to
 * take turns, across instances too. The times are this instance's clock, so instances' clocks must agree (NTP).
 */
@ApplicationScoped
public class SignInLimiter {

    private static final String PAIR = "pair ";

    private final CatalogConfig.SignIn config;
    private final Clock clock;
    private final DataSource dataSource;

    @Inject
    SignInLimiter(CatalogConfig config, AgroalDataSource dataSource) {
        this(config.signIn(), Clock.systemUTC(), dataSource);
    }

    SignInLimiter(CatalogConfig.SignIn config, Clock clock, DataSource dataSource) {
        this.config = config;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /**
     * A sign-in attempt.
     *
     * @param failures   the rows that count it as failed until it is taken back (none when refused)
     * @param retryAfter how long until this user name may try again from this address, when the attempt was refused
     */
    public record Attempt(List<Long> failures, Duration retryAfter) {
        public boolean refused() {
            return retryAfter != null;
        }
    }

    /** Starts an attempt, counted as failed until {@link #takeBack}, or refuses it. */
    public Attempt attempt(String username, String address) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        // the name by its hash: any text may be typed as a name (a NUL byte, a megabyte), not all of it can be stored
        String name = HexFormat.of().formatHex(Sessions.sha256(username.toLowerCase(Locale.ROOT)));
        List<String> keys = List.of(PAIR + name + " " + addressKey, addressKey);
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                // attempts take turns on the whole catalog, whichever instance they reach
                try (PreparedStatement turn =
                        conn.prepareStatement("lock table sign_in_failure in share row exclusive mode")) {
                    turn.execute();
                }
                forgetExpired(conn, now);
                Optional<Duration> wait = Stream.of(
                                pairFreeAt(recentFailures(conn, keys.get(0), now)),
                                addressFreeAt(recentFailures(conn, keys.get(1), now)))
                        .flatMap(Optional::stream)
                        .filter(at -> at.isAfter(now))
                        .max(Comparator.naturalOrder())
                        .map(at -> Duration.between(now, at));
                Attempt attempt = wait.isPresent() ? new Attempt(List.of(), wait.get()) : record(conn, keys, now);
                conn.commit();
                return attempt;
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Takes back an attempt whose password was right, or that could not be checked. */
    public void takeBack(Attempt attempt) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement delete = conn.prepareStatement("delete from sign_in_failure where id = any (?)")) {
            delete.setArray(1, conn.createArrayOf("bigint", attempt.failures().toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static Attempt record(Connection conn, List<String> keys, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement insert =
                conn.prepareStatement("insert into sign_in_failure (key, failed_at) values (?, ?) returning id")) {
            for (String key : keys) {
                insert.setString(1, key);
                insert.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return new Attempt(ids, null);
    }

    /**
     * Drops what no longer counts: an address's failures one by one as they leave the window, a pair's all at once
     * when a window has passed after its last wait. A pair's wait is at most a window, so a pair whose last failure
     * is two windows old is over.
     */
    private void forgetExpired(Connection conn, Instant now) throws SQLException {
        try (PreparedStatement delete = conn.prepareStatement("""
                delete from sign_in_failure f where f.failed_at <= ? and (f.key not like 'pair %' or not exists (
                    select 1 from sign_in_failure g where g.key = f.key and g.failed_at > ?))""")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.window())));
            delete.setTimestamp(2, Timestamp.from(now.minus(config.window().multipliedBy(2))));
            delete.executeUpdate();
        }
    }

    /** A key's failures that still count, oldest first; a pair that is over is deleted, so that it starts afresh. */
    private List<Instant> recentFailures(Connection conn, String key, Instant now) throws SQLException {
        List<Instant> times = new ArrayList<>();
        try (PreparedStatement select =
                conn.prepareStatement("select failed_at from sign_in_failure where key = ? order by failed_at, id")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        if (key.startsWith(PAIR)
                && !times.isEmpty()
                && !times.get(times.size() - 1)
                        .plus(pairDelay(times.size()))
                        .plus(config.window())
                        .isAfter(now)) {
            try (PreparedStatement delete = conn.prepareStatement("delete from sign_in_failure where key = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            return List.of();
        }
        return times;
    }

    private Optional<Instant> pairFreeAt(List<Instant> times) {
        return times.isEmpty()
                ? Optional.empty()
                : Optional.of(times.get(times.size() - 1).plus(pairDelay(times.size())));
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
    private Optional<Instant> addressFreeAt(List<Instant> times) {
        int limit = config.maxFailuresPerAddress();
        return times.size() < limit
                ? Optional.empty()
                : Optional.of(times.get(times.size() - limit).plus(config.window()));
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
