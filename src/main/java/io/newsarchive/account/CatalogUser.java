package io.newsarchive.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Someone who may sign in, with one role; only a bcrypt hash of the password is kept. */
@Entity
@Table(name = "app_user")
public class CatalogUser extends PanacheEntityBase {

    /** A hash no password is known for, checked for unknown user names. */
    private static final String NOBODY = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    /** What a user name may hold: no spaces, no control characters, nothing a page or a header would misread. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    /** Passwords shorter than this are refused when set. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    public Role role;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** When the user was disabled; null while they may sign in. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** Stores a new user; the caller's transaction decides. */
    public static CatalogUser add(String username, String password, Role role) {
        CatalogUser user = new CatalogUser();
        user.username = username;
        user.setPassword(password);
        user.role = role;
        user.persist();
        return user;
    }

    /** Whether a user could have this name; any other name is refused before the database is asked. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    public static Optional<CatalogUser> named(String username) {
        return find("username", username).firstResultOptional();
    }

    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password);
    }

    public boolean passwordMatches(String password) {
        return BcryptUtil.matches(password, passwordHash);
    }

    /** Does the work of {@link #passwordMatches} for a user name nobody has. */
    static void checkForNobody(String password) {
        BcryptUtil.matches(password, NOBODY);
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
