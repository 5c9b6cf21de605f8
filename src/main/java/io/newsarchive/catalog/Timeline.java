package io.newsarchive.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The chart of articles per month of a listing (or of the whole catalog), from its month facet. Spans of ten years
 * and more are counted per year, so that bars stay wide enough to see. Months or years without articles are drawn
 * too, as gaps.
 */
public final class Timeline {

    private static final int MAX_MONTHS = 120;

    /** A link to the listing of the articles published from {@code first} to {@code last}. */
    public interface PeriodLinks {
        String days(LocalDate first, LocalDate last);
    }

    private Timeline() {}

    /** The chart of a month facet ({@code 2022-03} and its count); {@code links} gives each period's link. */
    public static PeriodChart of(List<Listing.FacetValue> months, PeriodLinks links, String csvHref) {
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        months.forEach(m -> counts.put(YearMonth.parse(m.value()).atDay(1), m.count()));
        Interval interval =
                counts.isEmpty() || counts.firstKey().until(counts.lastKey(), ChronoUnit.MONTHS) < MAX_MONTHS
                        ? Interval.MONTH
                        : Interval.YEAR;
        List<LocalDate> starts = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        if (!counts.isEmpty()) {
            LocalDate end = interval.next(interval.start(counts.lastKey()));
            for (LocalDate p = interval.start(counts.firstKey()); p.isBefore(end); p = interval.next(p)) {
                starts.add(p);
                values.add((double) counts.subMap(p, interval.next(p)).values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
                hrefs.add(links.days(p, interval.next(p).minusDays(1)));
            }
        }
        return PeriodChart.of(
                "timeline",
                "Articles per " + interval,
                csvHref,
                interval,
                Measure.COUNT,
                starts,
                hrefs,
                List.of(new PeriodChart.Series("articles", values)));
    }
}
