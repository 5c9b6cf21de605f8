package io.newsarchive.system;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone who may sign in, with one role; Quarkus Security JPA checks passwords against the bcrypt hash. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class CatalogUser extends PanacheEntityBase {

    /** Reads the catalog. */
    public static final String VIEWER = "viewer";
    /** Also ingests, edits, withdraws and restores. */
    public static final String ARCHIVIST = "archivist";
    /** Also manages users and settings. */
    public static final String ADMIN = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    /** Stores a new user; the caller's transaction decides. */
    public static CatalogUser add(String username, String password, String role) {
        CatalogUser user = new CatalogUser();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.role = role;
        user.persist();
        return user;
    }
}
