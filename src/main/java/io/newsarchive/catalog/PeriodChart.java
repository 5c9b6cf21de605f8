package io.newsarchive.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart of articles per period, laid out on the server for {@code chart.html}: one series drawn as bars, or several
 * (up to five) as lines, over a value axis of round ticks and a period axis of labelled ticks, with a table and a CSV
 * of the same numbers. The SVG is not scaled, so that its text keeps its size at any width: periods are placed in
 * percent of the plot's width and values in pixels of its fixed height; only the bars and lines are drawn in a nested
 * plot that stretches, whose units are slots (one a period) across and thousandths of the value axis down.
 *
 * @param id        what the ids of the chart's parts start with, unique on its page
 * @param csvHref   the same numbers as CSV
 * @param heading   the head of the table's period column: Month, Year, ...
 * @param series    the names of the series, in the order of their columns and colours
 * @param gridlines the value axis' ticks, from zero up
 * @param ticks     the period axis' ticks, left to right
 */
public record PeriodChart(
        String id,
        String caption,
        String csvHref,
        Interval interval,
        Measure measure,
        String heading,
        List<String> series,
        List<Row> rows,
        List<Gridline> gridlines,
        List<PeriodAxis.Tick> ticks,
        int slots,
        List<Bar> bars,
        List<ValueLabel> values,
        List<Line> lines) {

    /** One series: its name and a value for every period. */
    public record Series(String name, List<Double> values) {}

    /** A row of the table: the period, a link to its articles or null, and each series' value, as shown. */
    public record Row(String period, String href, List<Double> values, List<String> shown) {}

    /** A line of the value axis, {@code y} px from the top of the chart. */
    public record Gridline(double y, String label) {}

    /** A bar in plot units, with the slot around it, which is what a pointer hits. */
    public record Bar(double slot, double x, double y, double width, double height, String title, String href) {}

    /** A value written over its bar, {@code y} px from the top; minor when it fits only a desktop's plot. */
    public record ValueLabel(String x, double y, String text, boolean minor) {}

    /**
     * A series drawn as a line through plot units, and as a dot on each value when periods are few enough to tell
     * apart.
     *
     * @param number the series' number from 1, which gives its colour and dashes
     */
    public record Line(int number, String name, String points, String dots) {}

    /** Over most periods, as on a one-result search, bars narrower than this many slots' width would be too wide. */
    static final int MIN_BAR_SLOTS = 24;

    private static final int TOP = 20;
    private static final int PLOT = 130;
    private static final int BOTTOM = 30;
    /** Plot units down the value axis. */
    private static final int DEPTH = 1000;
    /** The share of a slot a bar fills. */
    private static final double BAR = 0.7;
    /** A count above zero stays visible, however small beside the highest: this many px at least. */
    private static final double MIN_BAR_PX = 1.5;

    private static final int MAX_DOTTED_PERIODS = 60;

    /**
     * The chart of consecutive periods starting on {@code starts}; {@code hrefs} holds a link to each period's
     * articles, or is null.
     */
    public static PeriodChart of(
            String id,
            String caption,
            String csvHref,
            Interval interval,
            Measure measure,
            List<LocalDate> starts,
            List<String> hrefs,
            List<Series> series) {
        int n = starts.size();
        boolean bars = series.size() == 1;
        int slots = bars ? Math.max(n, MIN_BAR_SLOTS) : Math.max(n, 1);
        // few bars stand in the middle rather than spread to fill the width
        int offset = (slots - n) / 2;
        double highest = series.stream()
                .flatMap(s -> s.values().stream())
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        ValueAxis axis = ValueAxis.of(highest, measure);

        List<Gridline> gridlines = axis.ticks().stream()
                .map(t -> new Gridline(round(TOP + PLOT * (1 - t.value() / axis.top())), t.label()))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> values = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Series s : series) {
                values.add(s.values().get(i));
                shown.add(measure.format(s.values().get(i)));
            }
            rows.add(new Row(interval.label(starts.get(i)), hrefs == null ? null : hrefs.get(i), values, shown));
        }

        List<Bar> barList = new ArrayList<>();
        List<ValueLabel> valueLabels = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        if (bars) {
            List<Double> values = series.get(0).values();
            double longest = values.stream()
                    .mapToDouble(v -> measure.format(v).length())
                    .max()
                    .orElse(0);
            double labelPx = longest * 7.2 + 2;
            boolean labelled = labelPx <= PeriodAxis.WIDE / slots;
            boolean minor = labelPx > PeriodAxis.NARROW / slots;
            for (int i = 0; i < n; i++) {
                double v = values.get(i);
                double height = v <= 0 ? 0 : Math.max(DEPTH * MIN_BAR_PX / PLOT, DEPTH * v / axis.top());
                String title = rows.get(i).period() + ": " + measure.format(v);
                barList.add(new Bar(
                        offset + i,
                        round(offset + i + (1 - BAR) / 2),
                        round(DEPTH - height),
                        BAR,
                        round(height),
                        title,
                        rows.get(i).href()));
                if (labelled && v > 0) {
                    valueLabels.add(new ValueLabel(
                            percent((offset + i + 0.5) / slots),
                            round(TOP + PLOT * (1 - height / DEPTH) - 4),
                            measure.format(v),
                            minor));
                }
            }
        } else {
            for (int s = 0; s < series.size(); s++) {
                StringBuilder points = new StringBuilder();
                StringBuilder dots = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    String point = round(i + 0.5) + ","
                            + round(DEPTH * (1 - series.get(s).values().get(i) / axis.top()));
                    points.append(i == 0 ? "" : " ").append(point);
                    // a path of no length draws the round cap of its stroke: a dot
                    dots.append('M').append(point).append("h0");
                }
                lines.add(new Line(
                        s + 1,
                        series.get(s).name(),
                        points.toString(),
                        n <= MAX_DOTTED_PERIODS ? dots.toString() : null));
            }
        }
        String heading = interval.toString().substring(0, 1).toUpperCase(Locale.ROOT)
                + interval.toString().substring(1);
        return new PeriodChart(
                id,
                caption,
                csvHref,
                interval,
                measure,
                heading,
                series.stream().map(Series::name).toList(),
                rows,
                gridlines,
                PeriodAxis.of(interval, starts, slots, offset),
                slots,
                barList,
                valueLabels,
                lines);
    }

    /** The height of the whole chart in px. */
    public int height() {
        return TOP + PLOT + BOTTOM;
    }

    public int plotTop() {
        return TOP;
    }

    public int plotHeight() {
        return PLOT;
    }

    /** Where the period axis is drawn, px from the top. */
    public int baseline() {
        return TOP + PLOT;
    }

    public String viewBox() {
        return "0 0 " + slots + " " + DEPTH;
    }

    /** The numbers of the table as CSV: a column for the period, one for each series. */
    public String csv() {
        List<String> header = new ArrayList<>(List.of(interval.toString()));
        header.addAll(series);
        List<List<Object>> records = new ArrayList<>();
        for (Row row : rows) {
            List<Object> record = new ArrayList<>(List.of(row.period()));
            row.values().forEach(v -> record.add(measure == Measure.COUNT ? (Object) Math.round(v) : exact(v)));
            records.add(record);
        }
        return CsvTable.text(header, records);
    }

    /** A fraction as a plain decimal, never in exponent notation. */
    static String exact(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", fraction * 100);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
