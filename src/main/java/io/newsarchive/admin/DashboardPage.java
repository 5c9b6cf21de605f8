package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.catalog.Listing;
import io.newsarchive.catalog.Timeline;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.system.CatalogUser;
import io.newsarchive.system.DatabaseFailure;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** What an archivist sees first: totals, articles over time, the top sources, recent runs and what needs attention. */
@Path("/admin")
@RolesAllowed(CatalogUser.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private static final int TOP_SOURCES = 10;
    private static final int RECENT_RUNS = 10;
    /** Width of the longest bar in the top-sources chart, in SVG units. */
    private static final int BAR_WIDTH = 500;

    /** Counts of the catalog; articles are the current versions shown to the public. */
    public record Totals(long articles, long sources, long versions, long withdrawn) {
    }

    public record SourceBar(String host, long articles, int width, int y) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Totals totals, Timeline timeline, List<SourceBar> sources,
                                                 int sourcesHeight, List<IngestReports.RunSummary> runs,
                                                 List<IngestReports.RunSummary> attention);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestReports reports;

    @GET
    public TemplateInstance dashboard() {
        List<IngestReports.RunSummary> runs = reports.list(RECENT_RUNS);
        List<IngestReports.RunSummary> attention = reports.needingAttention(RECENT_RUNS);
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            Totals totals;
            try (ResultSet rs = st.executeQuery("""
                    select coalesce(sum(articles) filter (where latest and status = 'active'), 0),
                           (select count(*) from source),
                           coalesce(sum(articles), 0),
                           coalesce(sum(articles) filter (where latest and status = 'withdrawn'), 0)
                    from article_month_count""")) {
                rs.next();
                totals = new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
            List<Listing.FacetValue> months = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select to_char(month, 'YYYY-MM'), sum(articles) from article_month_count
                    where latest and status = 'active' group by month having sum(articles) > 0 order by month""")) {
                while (rs.next()) {
                    months.add(new Listing.FacetValue(rs.getString(1), rs.getLong(2)));
                }
            }
            List<SourceBar> sources = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select s.host, sum(c.articles) as n from article_month_count c join source s on s.id = c.source_id
                    where c.latest and c.status = 'active' group by s.host having sum(c.articles) > 0
                    order by n desc, s.host limit\s""" + TOP_SOURCES)) {
                long max = 0;
                while (rs.next()) {
                    long n = rs.getLong(2);
                    max = Math.max(max, n);
                    sources.add(new SourceBar(rs.getString(1), n, (int) Math.max(1, BAR_WIDTH * n / max),
                            sources.size() * 24));
                }
            }
            Timeline timeline = Timeline.of(months, new Timeline.PeriodLinks() {
                public String year(int year) {
                    return "/?from=" + year + "-01-01&to=" + year + "-12-31";
                }

                public String month(YearMonth month) {
                    return "/?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
                }
            });
            return Templates.dashboard(totals, timeline, sources, sources.size() * 24, runs, attention);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
