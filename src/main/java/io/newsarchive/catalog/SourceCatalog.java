package io.newsarchive.catalog;

import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Sources with their counts and date spans: counts from {@code article_month_count}, dates from the index. */
@ApplicationScoped
public class SourceCatalog {

    private static final String STATS = """
            select s.host, s.domain, coalesce(sum(c.articles), 0) as articles,
                   (select min(a.published) from article a where a.source_id = s.id and a.latest and a.status = 'active'),
                   (select max(a.published) from article a where a.source_id = s.id and a.latest and a.status = 'active')
            from source s
            left join article_month_count c on c.source_id = s.id and c.latest and c.status = 'active'
            %s
            group by s.id
            %s
            order by articles desc, s.host""";

    private final DataSource dataSource;

    SourceCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every source that has listed articles, the biggest first. */
    public List<SourceStats> all() {
        return query(STATS.formatted("", "having sum(c.articles) > 0"), null);
    }

    /** The sources whose host holds {@code part} (in any case; every source when it is blank), in that order. */
    public List<SourceStats> matching(String part, SourceOrder order) {
        String wanted = part == null ? "" : part.strip().toLowerCase(Locale.ROOT);
        return all().stream()
                .filter(s -> s.host().contains(wanted))
                .sorted(order.comparator)
                .toList();
    }

    public Optional<SourceStats> find(String host) {
        return query(STATS.formatted("where s.host = ?", ""), host).stream().findFirst();
    }

    private List<SourceStats> query(String sql, String host) {
        List<SourceStats> sources = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (host != null) {
                ps.setString(1, host);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sources.add(new SourceStats(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
        return sources;
    }
}
