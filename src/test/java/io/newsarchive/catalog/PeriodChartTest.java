package io.newsarchive.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How charts are laid out: round value ticks, period labels that never overlap on a phone, narrow lone bars. */
class PeriodChartTest {

    @Test
    void theValueAxisHasAFewRoundTicksFromZeroToAtLeastTheHighestValue() {
        assertEquals(List.of("0", "2", "4", "6", "8"), labels(ValueAxis.of(7, Measure.COUNT)));
        assertEquals(List.of("0", "1"), labels(ValueAxis.of(1, Measure.COUNT)));
        assertEquals(List.of("0", "1"), labels(ValueAxis.of(0, Measure.COUNT)));
        assertEquals(List.of("0", "500", "1,000", "1,500"), labels(ValueAxis.of(1234, Measure.COUNT)));
        assertEquals(List.of("0", "1M", "2M", "3M"), labels(ValueAxis.of(2_500_000, Measure.COUNT)));
        assertEquals(List.of("0%", "1%", "2%", "3%"), labels(ValueAxis.of(0.0234, Measure.SHARE)));
        assertEquals(List.of("0.0%", "0.5%", "1.0%", "1.5%"), labels(ValueAxis.of(0.0123, Measure.SHARE)));
        assertEquals(40, ValueAxis.of(40, Measure.COUNT).top());
    }

    @Test
    void monthsAreLabelledByHalfYearsOnAPhoneAndByQuartersBetweenOnADesktop() {
        PeriodChart chart = chart(Interval.MONTH, LocalDate.of(2021, 11, 1), 26);
        assertEquals(List.of("2022-01", "2022-07", "2023-01", "2023-07"), labels(chart, false));
        assertEquals(
                List.of("2022-01", "2022-04", "2022-07", "2022-10", "2023-01", "2023-04", "2023-07", "2023-10"),
                labels(chart, true));
    }

    @Test
    void daysWeeksAndYearsAreLabelledAtRoundDates() {
        assertEquals(
                List.of("2022-01", "2022-04", "2022-07"),
                labels(chart(Interval.DAY, LocalDate.of(2022, 1, 1), 365), false)
                        .subList(0, 3));
        assertEquals(
                List.of("2022-01-01", "2022-01-15"), labels(chart(Interval.DAY, LocalDate.of(2022, 1, 1), 31), false));
        assertEquals(List.of("2022-04", "2022-07"), labels(chart(Interval.WEEK, LocalDate.of(2022, 1, 3), 30), false));
        assertEquals(
                List.of("1990", "2000", "2010", "2020"),
                labels(chart(Interval.YEAR, LocalDate.of(1985, 1, 1), 40), false));
    }

    @Test
    void labelsKeepApartAndInsideThePlotAtAPhonesWidthWhateverTheSpan() {
        for (Interval interval : Interval.values()) {
            for (int periods : new int[] {1, 2, 3, 5, 8, 13, 24, 31, 60, 100, 365, 1000}) {
                PeriodChart chart = chart(interval, interval.start(LocalDate.of(2019, 12, 30)), periods);
                for (boolean desktop : new boolean[] {false, true}) {
                    double width = desktop ? PeriodAxis.WIDE : PeriodAxis.NARROW;
                    double right = -40;
                    for (PeriodAxis.Tick t : chart.ticks()) {
                        if (t.minor() && !desktop) {
                            continue;
                        }
                        double w = t.label().length() * 7.2;
                        double x = t.position() * width;
                        double left =
                                t.anchor().equals("start") ? x : t.anchor().equals("end") ? x - w : x - w / 2;
                        String where = interval + " × " + periods + " at " + width + ": " + t;
                        assertTrue(left >= right + 12, where);
                        right = left + w;
                        assertTrue(left >= -40 && right <= width + 8, where);
                    }
                    assertTrue(!chart.ticks().isEmpty(), interval + " × " + periods + " has ticks");
                }
            }
        }
    }

    @Test
    void aLoneBarIsNarrowAndStandsInTheMiddle() {
        PeriodChart chart = chart(Interval.MONTH, LocalDate.of(2023, 12, 1), 1);
        PeriodChart.Bar bar = chart.bars().get(0);
        assertTrue(bar.width() / chart.slots() < 0.05, "a twentieth of the width at most: " + bar);
        assertEquals(0.5, (bar.x() + bar.width() / 2) / chart.slots(), 0.03);
        assertEquals(List.of("2023-12"), labels(chart, false));
    }

    @Test
    void theCsvHoldsTheTablesNumbers() throws IOException {
        PeriodChart chart = PeriodChart.of(
                "c",
                "Compared",
                null,
                Interval.MONTH,
                Measure.SHARE,
                List.of(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 1)),
                null,
                List.of(
                        new PeriodChart.Series("a \"quoted\", query", List.of(0.125, 0.0)),
                        new PeriodChart.Series("b", List.of(1.0 / 3, 0.00001))));
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(chart.csv()))) {
            assertEquals(List.of("month", "a \"quoted\", query", "b"), csv.getHeaderNames());
            List<CSVRecord> rows = csv.getRecords();
            assertEquals("2022-01", rows.get(0).get("month"));
            assertEquals(0.125, Double.parseDouble(rows.get(0).get(1)));
            assertEquals(1.0 / 3, Double.parseDouble(rows.get(0).get("b")), 1e-12);
            assertEquals("0.00001", rows.get(1).get("b"));
        }
        assertEquals(List.of("12.50%", "33.33%"), chart.rows().get(0).shown());
        assertEquals(2, chart.lines().size(), "two series are drawn as lines");
    }

    private static PeriodChart chart(Interval interval, LocalDate first, int periods) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate p = first; starts.size() < periods; p = interval.next(p)) {
            starts.add(p);
        }
        return PeriodChart.of(
                "c",
                "Test",
                null,
                interval,
                Measure.COUNT,
                starts,
                Collections.nCopies(periods, "/"),
                List.of(new PeriodChart.Series("articles", Collections.nCopies(periods, 3.0))));
    }

    private static List<String> labels(PeriodChart chart, boolean withMinor) {
        return chart.ticks().stream()
                .filter(t -> withMinor || !t.minor())
                .map(PeriodAxis.Tick::label)
                .toList();
    }

    private static List<String> labels(ValueAxis axis) {
        return axis.ticks().stream().map(ValueAxis.Tick::label).toList();
    }
}
