package io.newsarchive.catalog;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bars of the articles-per-month chart, laid out on the server as SVG coordinates. Spans longer than ten
 * years are drawn per year so that bars stay wide enough to point at.
 *
 * @param bars   one per month (or year), empty ones included so that gaps show
 * @param labels the axis labels: the first bar of each year
 */
public record Timeline(List<Bar> bars, List<Label> labels, boolean perYear) {

    static final int WIDTH = 800;
    static final int HEIGHT = 120;
    private static final int MAX_MONTHS = 120;
    /** Fewer periods than this keep the width of this many, so that a month or two do not fill the chart. */
    private static final int MIN_SLOTS = 12;

    public record Bar(double x, double y, double width, double height, String label, long count, String href) {}

    public record Label(double x, String text) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** The chart of a month facet; {@code links} gives each bar's link, the listing of that period. */
    public static Timeline of(List<Listing.FacetValue> months, PeriodLinks links) {
        TreeMap<YearMonth, Long> counts = new TreeMap<>();
        months.forEach(m -> counts.put(YearMonth.parse(m.value()), m.count()));
        if (counts.isEmpty()) {
            return new Timeline(List.of(), List.of(), false);
        }
        YearMonth first = counts.firstKey();
        YearMonth last = counts.lastKey();
        boolean perYear = first.until(last, ChronoUnit.MONTHS) >= MAX_MONTHS;
        List<YearMonth> periods = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        if (perYear) {
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                int y = year;
                periods.add(YearMonth.of(year, 1));
                values.add(counts.entrySet().stream()
                        .filter(e -> e.getKey().getYear() == y)
                        .mapToLong(Map.Entry::getValue)
                        .sum());
            }
        } else {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                periods.add(m);
                values.add(counts.getOrDefault(m, 0L));
            }
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElse(1);
        double slot = (double) WIDTH / Math.max(periods.size(), MIN_SLOTS);
        double chartHeight = HEIGHT - 20;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            YearMonth period = periods.get(i);
            long n = values.get(i);
            double h = max == 0 ? 0 : Math.max(n > 0 ? 1 : 0, chartHeight * n / max);
            String label = perYear ? Integer.toString(period.getYear()) : period.toString();
            String href = perYear ? links.year(period.getYear()) : links.month(period);
            bars.add(new Bar(
                    round(i * slot + slot * 0.1), round(chartHeight - h), round(slot * 0.8), round(h), label, n, href));
            boolean labelled =
                    perYear ? period.getYear() % labelStep(periods.size()) == 0 : period.getMonthValue() == 1 || i == 0;
            if (labelled) {
                labels.add(new Label(round(i * slot), Integer.toString(period.getYear())));
            }
        }
        return new Timeline(bars, labels, perYear);
    }

    /** Links to the listing of one year or one month. */
    public interface PeriodLinks {
        String year(int year);

        String month(YearMonth month);
    }

    private static int labelStep(int years) {
        return years <= 15 ? 1 : years <= 60 ? 5 : 25;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
