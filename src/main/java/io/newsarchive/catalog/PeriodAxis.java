package io.newsarchive.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The labelled ticks under a chart's periods. The major ones never overlap in a phone's plot ({@link #NARROW}); the
 * minor ones between them show from a desktop's plot ({@link #WIDE}) on. Each set is the finest that fits of: every
 * period, or the periods holding the 1st, 8th, 15th and 22nd of a month, the 1st and 15th, the first of a month, a
 * quarter, half a year, a year, or of every 2, 5, 10, 20, ... years.
 */
final class PeriodAxis {

    /**
     * @param position where the tick is, as a fraction of the plot's width
     * @param anchor   the label's SVG text-anchor: start or end at the plot's edges, so that it stays inside
     */
    record Tick(double position, String label, boolean minor, String anchor) {

        /** The position as SVG takes it, in percent of the plot's width. */
        public String x() {
            return PeriodChart.percent(position);
        }
    }

    /** The plot's width in CSS px on a 390 px wide phone, and from where the minor ticks show (a 60rem window). */
    static final double NARROW = 280;

    static final double WIDE = 560;
    /** About how wide a character of a 12 px label is, and the room kept between two labels, in CSS px. */
    private static final double CHARACTER = 7.2;

    private static final double GAP = 12;
    /** How far a label may reach left of the plot (into the value axis' labels' column) and right of it. */
    private static final double LEFT_ROOM = 40;

    private static final double RIGHT_ROOM = 8;

    /** The first day on or after a date that starts a span of a level, and how a label names that day. */
    private record Level(UnaryOperator<LocalDate> next, int labelLength) {

        String label(LocalDate day) {
            return day.toString().substring(0, labelLength);
        }
    }

    private static final int DAY = 10;
    private static final int MONTH = 7;
    private static final int YEAR = 4;

    private PeriodAxis() {}

    /**
     * The ticks of consecutive periods drawn in {@code slots} slots of equal width, the first in slot {@code offset}.
     */
    static List<Tick> of(Interval interval, List<LocalDate> starts, int slots, double offset) {
        if (starts.isEmpty()) {
            return List.of();
        }
        List<Level> levels = levels(interval);
        // where no level fits, as under a few narrow bars, the first period alone is labelled
        double first = (offset + 0.5) / slots;
        String label = interval.label(starts.get(0));
        List<Tick> major = List.of(new Tick(first, label, false, anchor(first, label, NARROW)));
        int majorLevel = levels.size();
        for (int l = 0; l < levels.size(); l++) {
            List<Tick> ticks = ticks(interval, starts, slots, offset, levels.get(l), List.of(), NARROW);
            if (!ticks.isEmpty() && fits(ticks, NARROW)) {
                major = ticks;
                majorLevel = l;
                break;
            }
        }
        for (int l = 0; l < majorLevel; l++) {
            List<Tick> all = ticks(interval, starts, slots, offset, levels.get(l), major, WIDE);
            if (fits(all, WIDE)) {
                return all;
            }
        }
        return major;
    }

    /**
     * A tick for every period holding the start of a span of {@code level}, labelled at {@code width}; the periods
     * of {@code major} keep those ticks, and the others are minor.
     */
    private static List<Tick> ticks(
            Interval interval,
            List<LocalDate> starts,
            int slots,
            double offset,
            Level level,
            List<Tick> major,
            double width) {
        List<Tick> ticks = new ArrayList<>();
        int m = 0;
        for (int i = 0; i < starts.size(); i++) {
            double position = (offset + i + 0.5) / slots;
            if (m < major.size() && major.get(m).position() == position) {
                ticks.add(major.get(m++));
                continue;
            }
            LocalDate start = starts.get(i);
            LocalDate day = level == null ? start : level.next().apply(start);
            if (day.isBefore(interval.next(start))) {
                String label = level == null ? interval.label(start) : level.label(day);
                ticks.add(new Tick(position, label, !major.isEmpty(), anchor(position, label, width)));
            }
        }
        return ticks;
    }

    /** Whether the labels keep {@link #GAP} apart in a plot {@code width} wide, the minor ones left out if narrow. */
    private static boolean fits(List<Tick> ticks, double width) {
        double right = Double.NEGATIVE_INFINITY;
        for (Tick t : ticks) {
            if (t.minor() && width < WIDE) {
                continue;
            }
            double w = t.label().length() * CHARACTER;
            double x = t.position() * width;
            double left = t.anchor().equals("start") ? x : t.anchor().equals("end") ? x - w : x - w / 2;
            if (left - right < GAP) {
                return false;
            }
            right = left + w;
        }
        return true;
    }

    private static String anchor(double position, String label, double width) {
        double half = label.length() * CHARACTER / 2;
        if (position * width - half < -LEFT_ROOM) {
            return "start";
        }
        return (1 - position) * width - half < -RIGHT_ROOM ? "end" : "middle";
    }

    /** From the finest to the coarsest; null stands for every period. */
    private static List<Level> levels(Interval interval) {
        List<Level> levels = new ArrayList<>();
        levels.add(null);
        if (interval == Interval.DAY) {
            levels.add(new Level(d -> daysOfMonth(d, 1, 8, 15, 22), DAY));
            levels.add(new Level(d -> daysOfMonth(d, 1, 15), DAY));
        }
        if (interval != Interval.YEAR) {
            for (int months : new int[] {1, 3, 6}) {
                levels.add(new Level(d -> months(d, months), MONTH));
            }
        }
        for (int years = 1; years <= 1000; years *= 10) {
            for (int factor : new int[] {1, 2, 5}) {
                int step = years * factor;
                levels.add(new Level(d -> years(d, step), YEAR));
            }
        }
        return levels;
    }

    private static LocalDate daysOfMonth(LocalDate d, int... days) {
        for (int day : days) {
            if (day >= d.getDayOfMonth()) {
                return d.withDayOfMonth(day);
            }
        }
        return d.withDayOfMonth(1).plusMonths(1);
    }

    /** The first day of a month on or after {@code d}, of a month that starts a span of {@code step} months. */
    private static LocalDate months(LocalDate d, int step) {
        LocalDate month = d.getDayOfMonth() == 1 ? d : d.withDayOfMonth(1).plusMonths(1);
        while ((month.getMonthValue() - 1) % step != 0) {
            month = month.plusMonths(1);
        }
        return month;
    }

    private static LocalDate years(LocalDate d, int step) {
        if (d.getDayOfYear() == 1 && d.getYear() % step == 0) {
            return d;
        }
        return LocalDate.of(Math.floorDiv(d.getYear(), step) * step + step, 1, 1);
    }
}
