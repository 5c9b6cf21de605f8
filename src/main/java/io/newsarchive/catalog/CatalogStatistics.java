package io.newsarchive.catalog;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Counts of the whole catalog, read from the monthly counts that ingest and corrections keep up to date. */
@ApplicationScoped
public class CatalogStatistics {

    /** Articles are the current versions shown to the public. */
    public record Totals(long articles, long sources, long versions, long withdrawn) {}

    public record SourceCount(String host, long articles) {}

    @Inject
    AgroalDataSource dataSource;

    public Totals totals() {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                     select coalesce(sum(articles) filter (where latest and status = 'active'), 0),
                            (select count(*) from source),
                            coalesce(sum(articles), 0),
                            coalesce(sum(articles) filter (where latest and status = 'withdrawn'), 0)
                     from article_month_count""");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Whether the catalog holds no article at all, in any version or status. */
    public boolean isEmpty() {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("select not exists (select 1 from article)");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Listed articles per month ({@code 2022-03}), oldest first, months without any left out. */
    public List<Listing.FacetValue> articlesPerMonth() {
        List<Listing.FacetValue> months = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                     select to_char(month, 'YYYY-MM'), sum(articles) from article_month_count
                     where latest and status = 'active' group by month having sum(articles) > 0 order by month""");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                months.add(new Listing.FacetValue(rs.getString(1), rs.getLong(2)));
            }
            return months;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The sources with the most listed articles, most first. */
    public List<SourceCount> topSources(int limit) {
        List<SourceCount> sources = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select = conn.prepareStatement("""
                     select s.host, sum(c.articles) as n from article_month_count c join source s on s.id = c.source_id
                     where c.latest and c.status = 'active' group by s.host having sum(c.articles) > 0
                     order by n desc, s.host limit ?""")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sources.add(new SourceCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return sources;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
