package io.newsarchive.catalog;

import io.newsarchive.system.Params;

import java.util.Locale;

/**
 * What a chart of articles per period draws, by the parameter {@code measure}: how many articles, or which share of
 * all the catalog's articles of the period they are.
 */
public enum Measure {
    COUNT,
    SHARE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A value as a table shows it: 1,234 articles, or 1.25% of the period's articles. */
    String format(double value) {
        return this == COUNT ? TemplateFormats.grouped(Math.round(value)) : percent(value, 2);
    }

    /** A value as the value axis labels it, with the decimals that tell {@code step} apart and no more. */
    String tick(double value, double step) {
        if (this == SHARE) {
            return percent(value, Math.max(0, (int) -Math.floor(Math.log10(step * 100) + 1e-9)));
        }
        long n = Math.round(value);
        return n >= 1_000_000 && n % 100_000 == 0
                ? String.format(Locale.ROOT, n % 1_000_000 == 0 ? "%.0fM" : "%.1fM", n / 1e6)
                : TemplateFormats.grouped(n);
    }

    /** The smallest step of the value axis: one article, or any fraction of a share. */
    double smallestStep() {
        return this == COUNT ? 1 : 0;
    }

    private static String percent(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100);
    }

    static Measure of(String name, String value) {
        return value == null || value.isEmpty() ? COUNT : Params.oneOf(name, value, values());
    }
}
