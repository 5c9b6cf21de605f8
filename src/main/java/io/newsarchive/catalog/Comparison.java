package io.newsarchive.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to five queries' matches per period, and what share of all the catalog's latest active articles of the period
 * they are: the numbers of {@code /compare}'s chart, table and CSV.
 *
 * @param interval day, week, month or year
 * @param measure  what the chart draws: count or share
 * @param periods  every period from the first of the queries' dates or matches to the last, those without any too
 */
public record Comparison(String interval, String measure, List<Query> queries, List<Period> periods) {

    /**
     * @param label   the name of its column
     * @param filter  its filters in words
     * @param articles a link to its articles on the catalog page
     */
    public record Query(int number, String label, String filter, String articles) {}

    /**
     * @param period   as the table names it: 2022-03-07 (a day, or the Monday of a week), 2022-03, 2022
     * @param start    its first day
     * @param articles all the catalog's latest active articles published in it
     * @param matches  each query's matches published in it, in the order of the queries
     * @param shares   each query's matches out of {@code articles}; 0 when the period has none
     */
    public record Period(String period, LocalDate start, long articles, List<Long> matches, List<Double> shares) {}

    /**
     * The chart of the measure asked for, a line a query (a bar a period for one), with a link to its CSV;
     * {@code links}, or null, gives each period's articles.
     */
    PeriodChart chart(String csvHref, Timeline.PeriodLinks links) {
        Interval by = Interval.of("interval", interval, null);
        Measure drawn = Measure.of("measure", measure);
        List<PeriodChart.Series> series = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            int column = i;
            series.add(new PeriodChart.Series(
                    queries.get(i).label(),
                    periods.stream()
                            .map(p -> drawn == Measure.COUNT
                                    ? (double) p.matches().get(column)
                                    : p.shares().get(column))
                            .toList()));
        }
        return PeriodChart.of(
                "compare",
                (drawn == Measure.COUNT ? "Matches per " : "Share of all articles per ") + by,
                csvHref,
                by,
                drawn,
                periods.stream().map(Period::start).toList(),
                links == null
                        ? null
                        : periods.stream()
                                .map(p ->
                                        links.days(p.start(), by.next(p.start()).minusDays(1)))
                                .toList(),
                series);
    }

    /** The numbers as CSV: the period, all articles, then each query's matches and share. */
    String csv() {
        List<String> header = new ArrayList<>(List.of(interval, "all articles"));
        for (Query q : queries) {
            header.add(q.label());
            header.add(q.label() + " share");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Period p : periods) {
            List<Object> row = new ArrayList<>(List.of(p.period(), p.articles()));
            for (int i = 0; i < queries.size(); i++) {
                row.add(p.matches().get(i));
                row.add(PeriodChart.exact(p.shares().get(i)));
            }
            rows.add(row);
        }
        return CsvTable.text(header, rows);
    }
}
