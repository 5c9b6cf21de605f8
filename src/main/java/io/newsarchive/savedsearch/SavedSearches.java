package io.newsarchive.savedsearch;

import io.newsarchive.account.CatalogUser;
import io.newsarchive.catalog.CatalogFilter;
import io.newsarchive.catalog.FilterQuery;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.Params;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Users' saved searches: saving the filters of a search under a name, renaming and deleting them (only their own),
 * and finding one by its feed's token. The filters are checked as the catalog checks a request's and kept as the
 * catalog writes them, so that equal searches are kept alike.
 */
@ApplicationScoped
public class SavedSearches {

    static final int MAX_NAME = 200;
    static final int MAX_QUERY = 4000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user's saved searches, by name. */
    @Transactional
    public List<SavedSearch> of(String username) {
        return SavedSearch.list("userId", Sort.by("name").and("id"), user(username).id);
    }

    @Transactional
    public SavedSearch save(String username, String name, String query) {
        SavedSearch saved = new SavedSearch();
        saved.userId = user(username).id;
        saved.name = checkName(name);
        saved.query = checkQuery(query);
        saved.feedToken = newToken();
        saved.persist();
        return saved;
    }

    @Transactional
    public void rename(String username, String id, String name) {
        own(username, id).name = checkName(name);
    }

    /** Deletes a saved search and its feed; {@code confirm} is the ticked box of the form that asks whether to. */
    @Transactional
    public void delete(String username, String id, String confirm) {
        SavedSearch saved = own(username, id);
        if (confirm == null || confirm.isEmpty()) {
            throw ApiError.badParameter("confirm", "tick the box to confirm that the search and its feed go");
        }
        saved.delete();
    }

    /** The saved search of a feed token, while its user may still sign in. */
    @Transactional
    public Optional<SavedSearch> byFeedToken(String token) {
        return SavedSearch.<SavedSearch>find("feedToken", token)
                .firstResultOptional()
                .filter(s -> CatalogUser.<CatalogUser>findByIdOptional(s.userId)
                        .map(CatalogUser::enabled)
                        .orElse(false));
    }

    /** The filters of a saved search. */
    public static CatalogFilter filter(SavedSearch saved) {
        return FilterQuery.parse("query", saved.query);
    }

    private static CatalogUser user(String username) {
        return CatalogUser.named(username).orElseThrow(() -> ApiError.notFound("no user " + username));
    }

    /** A saved search of this user; another user's is as absent as one that does not exist. */
    private static SavedSearch own(String username, String id) {
        SavedSearch saved = SavedSearch.findById(Params.id("id", id));
        if (saved == null || !saved.userId.equals(user(username).id)) {
            throw ApiError.notFound("you have no saved search " + id);
        }
        return saved;
    }

    private static String checkName(String name) {
        String checked = Params.text("name", name);
        if (checked == null) {
            throw ApiError.badParameter("name", "name is empty: give the search a name");
        }
        if (checked.length() > MAX_NAME) {
            throw ApiError.badParameter("name", "name is longer than " + MAX_NAME + " characters");
        }
        return checked;
    }

    /** The filters as the catalog writes them, which may be longer than as given (each letter escaped). */
    private static String checkQuery(String query) {
        String written = query == null || query.length() > MAX_QUERY
                ? query
                : FilterQuery.parse("query", query).query();
        if (written == null || written.length() > MAX_QUERY) {
            throw ApiError.badParameter(
                    "query", query == null ? "query is missing" : "query is longer than " + MAX_QUERY + " characters");
        }
        return written;
    }

    /** 256 random bits, base64url without padding: 43 characters. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
