package io.newsarchive.reuse;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Articles at different addresses whose texts are mostly the same ({@link PassageLinker} finds them), and what
 * archivists decided they are: the review queue of undecided pairs, decisions (audited on both articles, and
 * undone the same way), and the decided pairs an article page names.
 */
@ApplicationScoped
public class NearCopies {

    /** The undecided pairs the queue shows at once, the longest waiting first. */
    public static final int QUEUE_PAGE = 50;

    /**
     * SQL true when the article of this id is listed: it is not the later article of a pair decided to be the same
     * article whose earlier article is a listed version. Listings count such a copy as they count earlier versions.
     */
    public static String listed(String articleId) {
        return ("not exists (select from near_copy n join article o on o.id = n.article_id"
                        + " where n.copy_id = %s and n.decision = 'same_article' and o.latest and o.status = 'active')")
                .formatted(articleId);
    }

    /** The word forms send for no decision: to undo one. */
    public static final String UNDECIDED = "undecided";

    /** SQL: the ids of the later articles of pairs decided to be the same article. */
    public static final String SAME_ARTICLE_COPIES = "select copy_id from near_copy where decision = 'same_article'";

    @Inject
    AgroalDataSource dataSource;

    /** One article of a pair, as the queue and the pages name it. */
    public record Side(long id, String headline, String source, LocalDate published, String url) {}

    /**
     * A pair, the earlier-stored article first.
     *
     * @param similarity the share of the words of each that their shared passages cover, the smaller one
     * @param decision   null while nobody has decided
     */
    public record Pair(
            Side article,
            Side copy,
            double similarity,
            Instant foundAt,
            NearCopyDecision decision,
            String decidedBy,
            Instant decidedAt) {

        /** The decision's word, {@value #UNDECIDED} for none: what forms send. */
        public String decisionWord() {
            return decision == null ? UNDECIDED : decision.toString();
        }
    }

    /** The undecided pairs, the longest waiting first, at most {@link #QUEUE_PAGE}; and how many wait in all. */
    public record Queue(long waiting, List<Pair> pairs) {}

    /** A decided pair as an article page names it: the other article, and what they are. */
    public record Decided(Side other, NearCopyDecision decision) {

        public boolean sameArticle() {
            return decision == NearCopyDecision.SAME_ARTICLE;
        }
    }

    private static final String PAIRS = """
            select n.similarity, n.found_at, n.decision, n.decided_by, n.decided_at,
                a.id, a.headline, sa.host, a.published, a.url,
                b.id, b.headline, sb.host, b.published, b.url
            from near_copy n
            join article a on a.id = n.article_id join source sa on sa.id = a.source_id
            join article b on b.id = n.copy_id join source sb on sb.id = b.source_id
            """;

    public Queue queue() {
        try (Connection conn = dataSource.getConnection()) {
            long waiting;
            try (PreparedStatement count =
                            conn.prepareStatement("select count(*) from near_copy where decision is null");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                waiting = rs.getLong(1);
            }
            return new Queue(
                    waiting,
                    pairs(
                            conn,
                            PAIRS + " where n.decision is null order by n.found_at, n.article_id, n.copy_id limit ?",
                            QUEUE_PAGE));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The decided pairs, the latest decision first, at most {@code limit}. */
    public List<Pair> recentlyDecided(int limit) {
        try (Connection conn = dataSource.getConnection()) {
            return pairs(
                    conn,
                    PAIRS + " where n.decision is not null order by n.decided_at desc, n.article_id, n.copy_id"
                            + " limit ?",
                    limit);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The pair of these two articles, in either order; empty when they are no near-copies. */
    public Optional<Pair> pair(long one, long other) {
        try (Connection conn = dataSource.getConnection()) {
            return pairs(
                            conn,
                            PAIRS + " where n.article_id = ? and n.copy_id = ?",
                            Math.min(one, other),
                            Math.max(one, other))
                    .stream()
                    .findFirst();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The ids of the articles that listings leave out as the same article as an earlier one ({@link #listed}). */
    public List<Long> sameArticleCopies() {
        List<Long> ids = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("select a.id from article a where a.id in ("
                        + SAME_ARTICLE_COPIES + ") and not " + listed("a.id") + " order by a.id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return ids;
    }

    /** The articles decided to be the same as or a syndicated copy of this article version, earliest stored first. */
    public List<Decided> decidedOf(long articleId) {
        List<Decided> decided = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                        select n.decision, o.id, o.headline, s.host, o.published, o.url
                        from near_copy n
                        join article o on o.id = case when n.article_id = ? then n.copy_id else n.article_id end
                        join source s on s.id = o.source_id
                        where (n.article_id = ? or n.copy_id = ?) and n.decision in ('same_article', 'syndicated')
                        order by o.id""")) {
            for (int i = 1; i <= 3; i++) {
                select.setLong(i, articleId);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    decided.add(new Decided(side(rs, 2), Words.of(NearCopyDecision.class, rs.getString(1))));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return decided;
    }

    /**
     * Decides what a pair is, or undoes its decision ({@code decision} null), with an audit event on each article.
     * {@code seen} is the decision the archivist saw: when someone else has decided since, nothing changes (409).
     *
     * @return whether the decision changed
     */
    @Transactional
    public boolean decide(
            long one, long other, NearCopyDecision seen, NearCopyDecision decision, String reason, String user) {
        long article = Math.min(one, other);
        long copy = Math.max(one, other);
        NearCopyDecision now;
        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement select = conn.prepareStatement(
                    "select decision from near_copy where article_id = ? and copy_id = ? for update")) {
                select.setLong(1, article);
                select.setLong(2, copy);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiError.notFound("articles " + article + " and " + copy + " are no near-copy pair");
                    }
                    String word = rs.getString(1);
                    now = word == null ? null : Words.of(NearCopyDecision.class, word);
                }
            }
            if (now != seen) {
                throw ApiError.failure(
                        Response.Status.CONFLICT,
                        "conflict",
                        "the pair of articles " + article + " and " + copy + " was decided "
                                + Objects.toString(now, UNDECIDED) + " by someone else meanwhile; look again",
                        "seen");
            }
            if (now == decision) {
                return false;
            }
            try (PreparedStatement update = conn.prepareStatement("""
                    update near_copy set decision = ?, decided_by = ?, decided_at = case when ? then now() end
                    where article_id = ? and copy_id = ?""")) {
                update.setString(1, Objects.toString(decision, null));
                update.setString(2, decision == null ? null : user);
                update.setBoolean(3, decision != null);
                update.setLong(4, article);
                update.setLong(5, copy);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        for (long[] ends : new long[][] {{article, copy}, {copy, article}}) {
            AuditEvent event = AuditEvent.by(user, AuditAction.NEAR_COPY_DECISION, reason);
            event.articleId = ends[0];
            event.change("decision with article " + ends[1], now, decision);
            event.persist();
        }
        return true;
    }

    private static List<Pair> pairs(Connection conn, String sql, Object... params) throws SQLException {
        List<Pair> pairs = new ArrayList<>();
        try (PreparedStatement select = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String decision = rs.getString(3);
                    Timestamp decidedAt = rs.getTimestamp(5);
                    pairs.add(new Pair(
                            side(rs, 6),
                            side(rs, 11),
                            rs.getFloat(1),
                            rs.getTimestamp(2).toInstant(),
                            decision == null ? null : Words.of(NearCopyDecision.class, decision),
                            rs.getString(4),
                            decidedAt == null ? null : decidedAt.toInstant()));
                }
            }
        }
        return pairs;
    }

    private static Side side(ResultSet rs, int from) throws SQLException {
        return new Side(
                rs.getLong(from),
                rs.getString(from + 1),
                rs.getString(from + 2),
                rs.getObject(from + 3, LocalDate.class),
                rs.getString(from + 4));
    }
}
