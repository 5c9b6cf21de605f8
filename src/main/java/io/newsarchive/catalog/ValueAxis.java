package io.newsarchive.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The value axis of a chart: from zero to a round top in two to five round steps (1, 2 or 5 times a power of ten).
 *
 * @param top the value at the top of the plot, at least the highest value drawn
 */
record ValueAxis(double top, List<Tick> ticks) {

    record Tick(double value, String label) {}

    private static final int STEPS = 4;

    static ValueAxis of(double highest, Measure measure) {
        double reach = highest > 0 ? highest : measure == Measure.COUNT ? 1 : 0.01;
        double raw = reach / STEPS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * magnitude;
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * magnitude >= raw * (1 - 1e-9)) {
                step = factor * magnitude;
                break;
            }
        }
        step = Math.max(step, measure.smallestStep());
        int steps = (int) Math.ceil(reach / step - 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            ticks.add(new Tick(k * step, measure.tick(k * step, step)));
        }
        return new ValueAxis(steps * step, ticks);
    }
}
