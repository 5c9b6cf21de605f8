package io.newsarchive.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored originals with the SHA-256 taken at ingest, in the order of their article ids, for fixity checks. */
public final class StoredOriginals {

    /** One article version's original bytes, and the SHA-256 its ingest took. */
    public record Stored(long articleId, String sha256, byte[] content) {}

    private StoredOriginals() {}

    /** Up to {@code limit} originals of the articles after {@code afterId} up to {@code upTo}, by id. */
    public static List<Stored> after(Connection c, long afterId, long upTo, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select a.id, a.sha256, o.content from article a join article_original o on o.article_id = a.id
                where a.id > ? and a.id <= ? order by a.id limit ?""")) {
            ps.setLong(1, afterId);
            ps.setLong(2, upTo);
            ps.setInt(3, limit);
            return read(ps);
        }
    }

    /** The original of one article version, if there is such an article. */
    public static Optional<Stored> of(Connection c, long articleId) throws SQLException {
        return after(c, articleId - 1, articleId, 1).stream().findFirst();
    }

    /** The highest article id, 0 in an empty catalog. */
    public static long maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from article");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Stored> read(PreparedStatement ps) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
            }
        }
        return stored;
    }
}
