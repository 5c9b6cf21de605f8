package io.newsarchive.catalog;

import io.newsarchive.system.Params;

import java.util.Comparator;

/** The orders of the list of sources, by the parameter {@code order} of {@code /sources}. */
public enum SourceOrder {
    HOST("host", "By name", Comparator.comparing(SourceStats::host)),
    MOST(
            "-articles",
            "Most articles first",
            Comparator.comparingLong(SourceStats::articles).reversed()),
    LATEST(
            "-last",
            "Latest article first",
            Comparator.comparing(SourceStats::last, Comparator.nullsLast(Comparator.reverseOrder()))),
    EARLIEST(
            "first",
            "Earliest article first",
            Comparator.comparing(SourceStats::first, Comparator.nullsLast(Comparator.naturalOrder())));

    public final String param;
    public final String label;
    final Comparator<SourceStats> comparator;

    SourceOrder(String param, String label, Comparator<SourceStats> comparator) {
        this.param = param;
        this.label = label;
        // ties by name, so that the list is the same every time
        this.comparator = comparator.thenComparing(SourceStats::host);
    }

    /** The value of {@code order} that asks for it. */
    @Override
    public String toString() {
        return param;
    }

    /** The order the parameter names; the biggest sources first when it is absent. */
    static SourceOrder of(String order) {
        return order == null || order.isEmpty() ? MOST : Params.oneOf("order", order, values());
    }
}
