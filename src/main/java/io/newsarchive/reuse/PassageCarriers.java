package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One passage's spread: the articles that carry it per month, and the earliest of them. Only the latest active
 * version at each address counts, as on an article's page ({@link ArticleReuse}).
 */
@ApplicationScoped
public class PassageCarriers {

    /** Carriers listed at most, the earliest; {@link Passage#articles()} counts them all. */
    public static final int MAX_LISTED = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogConfig config;

    /**
     * @param words       the sentence of its earliest carrier
     * @param boilerplate whether it is a source's boilerplate, left out of reuse elsewhere
     * @param articles    the articles that carry it
     * @param months      those articles per month of publication, months without any left out, earliest first
     * @param carriers    the earliest {@link #MAX_LISTED} of them, earliest first
     */
    public record Passage(
            long passageId,
            String words,
            boolean boilerplate,
            long articles,
            List<Month> months,
            List<Carrier> carriers) {}

    /** @param month as 2022-01 */
    public record Month(String month, long articles) {}

    /** @param sentence its sentence that carries the passage, from 1 */
    public record Carrier(long articleId, String headline, String source, LocalDate published, int sentence) {}

    /** The passage of this id; empty when there is none, or when no public article carries it. */
    public Optional<Passage> of(long id) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            ArticleReuse.browse(conn, config);
            List<Month> months = new ArrayList<>();
            long articles = 0;
            try (PreparedStatement select = conn.prepareStatement("""
                    select to_char(o.published, 'YYYY-MM'), count(*)
                    from (""" + ArticleReuse.carriersOf("?", "") + """
                    ) o
                    group by 1 order by 1""")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        months.add(new Month(rs.getString(1), rs.getLong(2)));
                        articles += rs.getLong(2);
                    }
                }
            }
            if (months.isEmpty()) {
                conn.commit();
                return Optional.empty();
            }
            List<Carrier> carriers = new ArrayList<>();
            String words = null;
            try (PreparedStatement select = conn.prepareStatement("""
                    select o.article_id, a.headline, s.host, a.published, o.sentence, a.sentences[o.sentence + 1]
                    from (""" + ArticleReuse.carriersOf("?", "") + """
                    ) o
                    join article a on a.id = o.article_id
                    join source s on s.id = a.source_id
                    order by a.published, a.id
                    limit ?""")) {
                select.setLong(1, id);
                select.setInt(2, MAX_LISTED);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (words == null) {
                            words = rs.getString(6);
                        }
                        carriers.add(new Carrier(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getInt(5) + 1));
                    }
                }
            }
            boolean boilerplate;
            try (PreparedStatement select = conn.prepareStatement("select passage_boilerplate(?)")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    boilerplate = rs.getBoolean(1);
                }
            }
            conn.commit();
            return Optional.of(new Passage(id, words, boilerplate, articles, months, carriers));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Why there is no passage of this id: a 301 to the passage it was merged into, at {@code address} followed by
     * that passage's id, when it was; else a 404.
     */
    public RuntimeException missing(long id, String address) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select =
                        conn.prepareStatement("select into_id from passage_merge where passage_id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? new RedirectionException(
                                Response.Status.MOVED_PERMANENTLY, URI.create(address + rs.getLong(1)))
                        : ApiError.notFound("no passage " + id);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
