package io.newsarchive.catalog;

import io.newsarchive.system.Params;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The periods a chart counts articles in, by the parameter {@code interval}: days, weeks (Monday to Sunday, as
 * PostgreSQL's {@code date_trunc('week', ...)} has them), months or years.
 */
public enum Interval {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    /** The value of {@code interval} that asks for it, and the field of {@code date_trunc} that counts by it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period {@code day} lies in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The period starting on {@code start} as the table and the CSV name it: 2022-03-07, 2022-03, 2022. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY, WEEK -> start.toString();
            case MONTH -> start.toString().substring(0, 7);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    /** The interval the parameter names; {@code fallback} when it is absent. */
    static Interval of(String name, String value, Interval fallback) {
        return value == null || value.isEmpty() ? fallback : Params.oneOf(name, value, values());
    }
}
