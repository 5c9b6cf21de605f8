package io.newsarchive.account;

import com.fasterxml.jackson.annotation.JsonValue;
import io.newsarchive.system.Words;
import io.quarkus.qute.TemplateEnum;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user may do; each role may do everything the roles before it may. */
@TemplateEnum
public enum Role {
    /** Reads the catalog. */
    VIEWER(Names.VIEWER),
    /** Also ingests, edits, withdraws and restores. */
    ARCHIVIST(Names.ARCHIVIST),
    /** Also manages users and settings. */
    ADMIN(Names.ADMIN);

    /** The words of the roles as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String VIEWER = "viewer";
        public static final String ARCHIVIST = "archivist";
        public static final String ADMIN = "admin";

        private Names() {}
    }

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** The word for it in SQL, JSON, pages and security identities: {@code viewer}, {@code archivist}, ... */
    @JsonValue
    @Override
    public String toString() {
        return word;
    }

    /** Whether this role may do what {@code other} may: an admin may do what an archivist may. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The words of this role and every role below it, as a security identity holds them. */
    Set<String> andBelow() {
        return Arrays.stream(values())
                .filter(this::includes)
                .map(Role::toString)
                .collect(Collectors.toSet());
    }

    /** Stores it as its word. */
    @Converter(autoApply = true)
    public static class AsWord extends Words.Converter<Role> {
        public AsWord() {
            super(Role.class);
        }
    }
}
