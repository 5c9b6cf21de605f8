package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import io.newsarchive.system.Params;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Article versions chosen one by one on the catalog page (its checkboxes), named by the parameter {@code id}: repeated
 * ({@code id=4711&id=4712}) or separated by commas ({@code id=4711,4712}, what "all on this page" sends), at most
 * {@link #MAX} of them, the largest page the catalog shows. Blank values are skipped: the page's form always sends
 * an empty {@code id}, so that a form sent with nothing ticked is refused rather than taken for no choice at all.
 */
public final class ChosenArticles {

    public static final int MAX = 200;

    private ChosenArticles() {}

    /** The ids in the order given, each once; a 400 naming {@code id} for none, too many or a non-number. */
    public static List<Long> ids(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    ids.add(Params.id("id", one.strip()));
                }
            }
            if (ids.size() > MAX) {
                throw ApiError.badParameter("id", "choose at most " + MAX + " articles by id, not more");
            }
        }
        if (ids.isEmpty()) {
            throw ApiError.badParameter(
                    "id", "choose at least one article: tick it in the results (id=4711, repeated for more)");
        }
        return List.copyOf(ids);
    }

    /**
     * The condition over {@code article a} that holds exactly these articles, whatever their status or version, for
     * an export in the transaction of {@code c}; a 400 naming {@code id} when any of them is no article.
     */
    public static String selection(Connection c, List<Long> ids) throws SQLException {
        String array = "'{" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}'::bigint[]";
        List<Long> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select i from unnest(" + array
                        + ") i where not exists (select 1 from article a where a.id = i) order by i");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                missing.add(rs.getLong(1));
            }
        }
        if (!missing.isEmpty()) {
            throw unknown(missing);
        }
        return "a.id = any(" + array + ")";
    }

    /** A 400 naming {@code id} and the ids of no article. */
    public static ApiError.Failure unknown(List<Long> missing) {
        return ApiError.badParameter(
                "id",
                (missing.size() == 1 ? "no article has the id " : "no article has the ids ")
                        + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
