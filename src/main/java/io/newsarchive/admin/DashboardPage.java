package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.account.SignedIn;
import io.newsarchive.catalog.CatalogStatistics;
import io.newsarchive.catalog.PeriodChart;
import io.newsarchive.catalog.Timeline;
import io.newsarchive.ingest.IngestReports;
import io.newsarchive.preservation.PreservationEvent;
import io.newsarchive.search.SearchStatus;
import io.newsarchive.system.Href;
import io.newsarchive.system.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.List;

/** What an archivist sees first: totals, articles over time, the top sources, recent runs and what needs attention. */
@Tag(name = "Admin pages")
@Path("/admin")
@RolesAllowed(Role.Names.ARCHIVIST)
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private static final int TOP_SOURCES = 10;
    private static final int RECENT_RUNS = 10;
    /** A row of the top sources' chart; {@code length} is its bar's, in hundredths of the longest. */
    public record SourceBar(String host, long articles, double length) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                CatalogStatistics.Totals totals,
                PeriodChart timeline,
                List<SourceBar> sources,
                List<IngestReports.RunSummary> runs,
                List<IngestReports.RunSummary> attention,
                List<PreservationEvent> damaged,
                SearchStatus.Summary search,
                IngestReports.RunSummary dismissed,
                String csrf);
    }

    /** A year or a month of the timeline links to the public listing of its articles. */
    static final Timeline.PeriodLinks PERIOD_LINKS = (first, last) -> Href.of("/")
            .plus("from", first.toString())
            .plus("to", last.toString())
            .toString();

    @Inject
    CatalogStatistics statistics;

    @Inject
    IngestReports reports;

    @Inject
    SearchStatus search;

    @Inject
    SignedIn signedIn;

    @Operation(summary = "The dashboard")
    @GET
    @Transactional
    public TemplateInstance dashboard(
            @RestQuery
                    @Parameter(
                            description = "a run just dismissed from Needs attention: the page offers to undo that",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    String dismissed) {
        IngestReports.RunSummary dismissedRun = dismissed == null
                ? null
                : reports.find(Params.id("dismissed", dismissed))
                        .filter(r -> r.dismissedAt() != null)
                        .orElse(null);
        List<IngestReports.RunSummary> runs = reports.list(RECENT_RUNS);
        List<IngestReports.RunSummary> attention = reports.needingAttention(RECENT_RUNS);
        List<CatalogStatistics.SourceCount> top = statistics.topSources(TOP_SOURCES);
        long max = top.stream()
                .mapToLong(CatalogStatistics.SourceCount::articles)
                .max()
                .orElse(1);
        List<SourceBar> sources = new ArrayList<>();
        for (CatalogStatistics.SourceCount source : top) {
            sources.add(new SourceBar(
                    source.host(),
                    source.articles(),
                    Math.max(0.5, Math.round(1000.0 * source.articles() / max) / 10.0)));
        }
        PeriodChart timeline = Timeline.of(statistics.articlesPerMonth(), PERIOD_LINKS, "/api/timeline.csv");
        return Templates.dashboard(
                statistics.totals(),
                timeline,
                sources,
                runs,
                attention,
                PreservationEvent.openFixityFailures(RECENT_RUNS),
                search.summary(),
                dismissedRun,
                signedIn.csrfToken());
    }
}
