package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.CatalogWriteLock;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The articles whose shared passages have not been looked for yet (those without a {@code reuse_article} row), and
 * their linking, oldest first, a batch a transaction. A batch that fails or is killed leaves nothing behind, and the
 * next one starts again from the first article not linked: linking can be stopped at any time and taken up again.
 */
@ApplicationScoped
public class ReuseBacklog {

    @Inject
    AgroalDataSource dataSource;

    /** Below this id every article is linked, as far as this instance knows: where the next batch starts looking. */
    private volatile long linkedBelow;

    /** How many articles wait to be linked. */
    public long waiting() {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement count = conn.prepareStatement("""
                        select count(*) from article a
                        where not exists (select from reuse_article r where r.article_id = a.id)""");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Links the next articles, at most {@code max}, in one transaction that holds the catalog's write lock, and
     * returns how many. Fewer than {@code max} means none waited after them.
     */
    public int linkNext(int max) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                try (PreparedStatement lock = conn.prepareStatement("select pg_advisory_xact_lock(?, 0)")) {
                    lock.setInt(1, CatalogWriteLock.CLASS);
                    lock.execute();
                }
                List<PassageLinker.NewArticle> next = next(conn, max);
                PassageLinker.link(conn, next);
                conn.commit();
                if (!next.isEmpty()) {
                    linkedBelow = next.get(next.size() - 1).id() + 1;
                }
                return next.size();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** From now on, looks for articles not linked from the first on (an article restored with an old id, say). */
    public void lookFromTheStart() {
        linkedBelow = 0;
    }

    private List<PassageLinker.NewArticle> next(Connection conn, int max) throws SQLException {
        List<PassageLinker.NewArticle> next = new ArrayList<>();
        try (PreparedStatement select = conn.prepareStatement("""
                select a.id, a.source_id, a.normalized_url, a.sentences from article a
                where a.id >= ? and not exists (select from reuse_article r where r.article_id = a.id)
                order by a.id limit ?""")) {
            select.setLong(1, linkedBelow);
            select.setInt(2, max);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Array sentences = rs.getArray(4);
                    next.add(new PassageLinker.NewArticle(
                            rs.getLong(1), rs.getLong(2), rs.getString(3), ArticlePassages.of(Arrays.asList((String[])
                                    sentences.getArray()))));
                }
            }
        }
        return next;
    }
}
