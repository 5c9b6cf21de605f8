package io.newsarchive.account;

import com.google.common.hash.Hashing;
import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions, kept in the database so that signing out, disabling a user or a restart take effect at once.
 * The cookie carries a random token; the table keeps only its SHA-256.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "catalog_session";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogConfig config;

    /** A signed-in browser: who, and the token its forms must carry. */
    public record Session(String username, Role role, String csrfToken) {}

    /** Opens a session for an enabled user; returns the cookie's token. */
    public String open(long userId) {
        String token = randomToken();
        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement expired =
                    conn.prepareStatement("delete from user_session where expires_at < now()")) {
                expired.executeUpdate();
            }
            try (PreparedStatement insert = conn.prepareStatement("""
                    insert into user_session (token_sha256, user_id, csrf_token, expires_at) values (?, ?, ?, ?)""")) {
                insert.setBytes(1, sha256(token));
                insert.setLong(2, userId);
                insert.setString(3, randomToken());
                insert.setTimestamp(
                        4, Timestamp.from(Instant.now().plus(config.signIn().sessionLifetime())));
                insert.executeUpdate();
            }
            return token;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The live session of this token, if its user is still enabled. */
    public Optional<Session> find(String token) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                     select u.username, u.role, s.csrf_token from user_session s join app_user u on u.id = s.user_id
                     where s.token_sha256 = ? and s.expires_at > now() and u.disabled_at is null""")) {
            select.setBytes(1, sha256(token));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(
                                new Session(rs.getString(1), Words.of(Role.class, rs.getString(2)), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    public void close(String token) {
        delete("delete from user_session where token_sha256 = ?", ps -> ps.setBytes(1, sha256(token)));
    }

    /** Signs a user out everywhere (disabled, or their password was reset). */
    public void closeAll(long userId) {
        delete("delete from user_session where user_id = ?", ps -> ps.setLong(1, userId));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void delete(String sql, Binder binder) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement delete = conn.prepareStatement(sql)) {
            binder.bind(delete);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the text's UTF-8 bytes (a token's are its ASCII ones). */
    static byte[] sha256(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).asBytes();
    }
}
