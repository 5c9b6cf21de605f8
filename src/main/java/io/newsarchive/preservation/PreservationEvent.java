package io.newsarchive.preservation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One preservation event (PREMIS 3): its type, when, its outcome, what happened in words, who (the agent) and the
 * object (an article version, or a selection named by its identifier). Never updated.
 */
@Entity
@Table(name = "preservation_event")
public class PreservationEvent extends PanacheEntityBase {

    /** The agent of the catalog's own scheduled work. */
    public static final String CATALOG = "catalog";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_type")
    public EventType eventType;

    @Column(name = "at")
    public Instant dateTime;

    public EventOutcome outcome;

    /** What happened, in words (PREMIS eventOutcomeDetailNote). */
    @Column(name = "detail")
    public String outcomeDetail;

    public String agent;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "run_id")
    public Long runId;

    /** A selection's identifier: an export's or a restored bag's External-Identifier. */
    public String identifier;

    /** The first article id a fixity pass checked. */
    @Column(name = "first_article_id")
    public Long firstArticleId;

    /** The last article id a fixity pass checked. */
    @Column(name = "last_article_id")
    public Long lastArticleId;

    /** The event on a selection this one is part of (a failure of a fixity pass). */
    @Column(name = "part_of")
    public Long partOf;

    /** A new event, now; the caller fills in its object and persists it. */
    public static PreservationEvent of(EventType type, EventOutcome outcome, String agent, String detail) {
        PreservationEvent event = new PreservationEvent();
        event.eventType = type;
        event.dateTime = Instant.now();
        event.outcome = outcome;
        event.agent = agent;
        event.outcomeDetail = detail;
        return event;
    }

    /** An article version stored by an ingest. */
    public record Ingested(long articleId, String detail) {}

    /** Records, on the caller's connection and in its transaction, the ingestion of articles by a run. */
    public static void recordIngestions(
            Connection conn, String agent, long runId, OffsetDateTime at, List<Ingested> articles) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into preservation_event (event_type, at, outcome, detail, agent, article_id, run_id)
                select ?, ?, ?, detail, ?, article_id, ? from unnest(?::bigint[], ?::text[]) as t(article_id, detail)""")) {
            insert.setString(1, EventType.INGESTION.toString());
            insert.setObject(2, at);
            insert.setString(3, EventOutcome.SUCCESS.toString());
            insert.setString(4, agent);
            insert.setLong(5, runId);
            insert.setArray(
                    6,
                    conn.createArrayOf(
                            "bigint", articles.stream().map(Ingested::articleId).toArray()));
            insert.setArray(
                    7,
                    conn.createArrayOf(
                            "text", articles.stream().map(Ingested::detail).toArray()));
            insert.executeUpdate();
        }
    }

    /** Stores the event on the caller's connection and in its transaction; returns its id. */
    public static long insert(Connection conn, PreservationEvent e) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into preservation_event (event_type, at, outcome, detail, agent, article_id, run_id, identifier,
                                                first_article_id, last_article_id, part_of)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            insert.setString(1, e.eventType.toString());
            insert.setObject(2, e.dateTime.atOffset(ZoneOffset.UTC));
            insert.setString(3, e.outcome.toString());
            insert.setString(4, e.outcomeDetail);
            insert.setString(5, e.agent);
            insert.setObject(6, e.articleId);
            insert.setObject(7, e.runId);
            insert.setString(8, e.identifier);
            insert.setObject(9, e.firstArticleId);
            insert.setObject(10, e.lastArticleId);
            insert.setObject(11, e.partOf);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                e.id = rs.getLong(1);
                return e.id;
            }
        }
    }

    /** Where the newest fixity pass is: its identifier, when it began, and the last article id it checked. */
    public record PassState(String identifier, Instant began, long lastArticleId) {}

    /** The newest fixity pass, if any ran. */
    public static Optional<PassState> newestPass(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select n.identifier, (select min(p.at) from preservation_event p
                                      where p.identifier = n.identifier and p.first_article_id is not null),
                       n.last_article_id
                from (select identifier, last_article_id from preservation_event where first_article_id is not null
                      order by id desc limit 1) n""");
                ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new PassState(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getLong(3)))
                    : Optional.empty();
        }
    }

    /**
     * Failed fixity checks that no later check of the same original has passed: damage still to be looked after,
     * newest first.
     */
    @SuppressWarnings("unchecked")
    public static List<PreservationEvent> openFixityFailures(int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        select f.* from preservation_event f
                        where f.event_type = 'fixity check' and f.outcome = 'failure' and f.article_id is not null
                          and not exists (
                              select from preservation_event later
                              where later.event_type = 'fixity check' and later.id > f.id
                                and (later.article_id = f.article_id
                                     or (later.first_article_id is not null
                                         and int8range(later.first_article_id, later.last_article_id, '[]')
                                             @> f.article_id
                                         and not exists (select from preservation_event lf
                                                         where lf.part_of = later.id and lf.article_id = f.article_id))))
                        order by f.id desc limit :limit""", PreservationEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Records, on the caller's connection and in its transaction, the articles a restore rebuilt from a bag. */
    public static void recordRecoveries(Connection conn, String agent, String bag, List<Long> articleIds)
            throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into preservation_event (event_type, outcome, detail, agent, article_id, identifier)
                select ?, ?, ?, ?, article_id, ? from unnest(?::bigint[]) as t(article_id)
                union all
                select ?, ?, ?, ?, null, ? """)) {
            String each = "restored from the bag " + bag + " with its original, metadata, history and events";
            String all = articleIds.size() + (articleIds.size() == 1 ? " article" : " articles")
                    + " restored from the bag " + bag;
            int i = 1;
            for (String detail : List.of(each, all)) {
                insert.setString(i++, EventType.RECOVERY.toString());
                insert.setString(i++, EventOutcome.SUCCESS.toString());
                insert.setString(i++, detail);
                insert.setString(i++, agent);
                insert.setString(i++, bag);
                if (detail.equals(each)) {
                    insert.setArray(i++, conn.createArrayOf("bigint", articleIds.toArray()));
                }
            }
            insert.executeUpdate();
        }
    }

    /**
     * The history of one article version, oldest first: its own events, and the chunks of fixity passes that checked
     * it (those that covered its id after it entered this catalog, by ingest or restore), each as a check it passed; a chunk that found it damaged
     * shows as its failure instead.
     */
    public static List<EventJson> ofArticle(long articleId) {
        return eventsOf(articleId).stream()
                .map(e -> e.articleId == null ? EventJson.passed(e, articleId) : EventJson.of(e))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<PreservationEvent> eventsOf(long articleId) {
        return getEntityManager()
                .createNativeQuery("""
                        select e.* from preservation_event e where e.article_id = :id
                        union all
                        select p.* from preservation_event p
                        where int8range(p.first_article_id, p.last_article_id, '[]') @> cast(:id as bigint)
                          and p.first_article_id is not null
                          and p.at > (select max(s.at) from preservation_event s
                                      where s.article_id = :id and s.event_type in ('ingestion', 'recovery'))
                          and not exists (select 1 from preservation_event f where f.part_of = p.id and f.article_id = :id)
                        order by at, id""", PreservationEvent.class)
                .setParameter("id", articleId)
                .getResultList();
    }

    /**
     * The newest events first, at most {@code limit}, by whichever filters are not null: type, outcome, agent,
     * article, first and last UTC days, and an id they come before (the next page).
     */
    public static List<PreservationEvent> latest(
            EventType type,
            EventOutcome outcome,
            String agent,
            Long articleId,
            LocalDate from,
            LocalDate to,
            Long before,
            int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (type != null) {
            where.add("eventType = :type");
            params.and("type", type);
        }
        if (outcome != null) {
            where.add("outcome = :outcome");
            params.and("outcome", outcome);
        }
        if (agent != null) {
            where.add("agent = :agent");
            params.and("agent", agent);
        }
        if (articleId != null) {
            where.add("articleId = :article");
            params.and("article", articleId);
        }
        if (from != null) {
            where.add("dateTime >= :from");
            params.and("from", from.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("dateTime < :to");
            params.and("to", to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (before != null) {
            where.add("id < :before");
            params.and("before", before);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return PreservationEvent.<PreservationEvent>find(query, params)
                .page(0, limit)
                .list();
    }
}
