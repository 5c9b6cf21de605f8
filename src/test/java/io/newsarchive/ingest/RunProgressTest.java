package io.newsarchive.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress line of the 3,000-file run of the review, which ended after 36.9 s: its first batch of 500 took 8.6 s
 * (nothing read ahead yet), each later one 5.6 s. Measured over the whole run it said "0 files per second" for 8 s and
 * "about 67 s left" at 14.6 s.
 */
class RunProgressTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final double FIRST_BATCH = 8.6;
    private static final double LATER_BATCH = 5.66;

    @Test
    void beforeTheFirstBatchIsStoredItSaysWhatItIsDoingAndGivesNoRate() {
        RunProgress p = at(0, 8.0);
        assertEquals(
                "RUNNING: reading and checking the first files of 3,000, 8 s so far; files are counted as each batch"
                        + " of them is stored.",
                p.line());
        assertNull(p.filesPerSecond());
        assertNull(p.secondsLeft());
    }

    @Test
    void afterOneBatchItCountsButGivesNoRateYet() {
        RunProgress p = at(1, 10.0);
        assertEquals("RUNNING: 500 of 3,000 files after 10 s; checking the next ones.", p.line());
        assertNull(p.filesPerSecond());
    }

    @Test
    void theRateIsThatOfTheRecentBatchesAndTheEstimateLandsNearTheEnd() {
        // at 14.6 s two batches are stored (8.6 s and 14.26 s): 500 files in 5.66 s
        RunProgress p = at(2, 14.6);
        assertEquals(88.3, p.filesPerSecond());
        // 2,000 files left at 88.3 a second, 0.34 s of which have passed: the run ends at about 36.9 s
        assertEquals(20, p.secondsLeft());
        assertEquals("RUNNING: 1,000 of 3,000 files after 14 s, 88 files per second, about 20 s left.", p.line());
        for (double t = 14.3; t < 36.9; t += 0.5) {
            int batches = (int) Math.min(6, 1 + Math.floor((t - FIRST_BATCH) / LATER_BATCH));
            RunProgress later = at(batches, t);
            if (later.secondsLeft() != null) {
                double end = t + later.secondsLeft();
                assertTrue(Math.abs(end - 36.9) <= 5, t + " s: " + later.line());
            }
        }
    }

    @Test
    void aRunThatStallsSeesItsEstimateGrowInsteadOfReachingZero() {
        RunProgress onTime = at(2, 15.0);
        RunProgress stalled = at(2, 60.0);
        assertTrue(stalled.filesPerSecond() < onTime.filesPerSecond(), stalled.line());
        assertTrue(stalled.secondsLeft() > onTime.secondsLeft(), stalled.line());
    }

    @Test
    void theLastBatchStoredLeavesNothingToEstimate() {
        RunProgress p = at(6, 36.8);
        assertNull(p.secondsLeft());
        assertTrue(p.line().endsWith("files per second, finishing."), p.line());
    }

    @Test
    void noLineEverSaysZeroFilesPerSecond() {
        RunProgress slow = RunProgress.of(
                RunStatus.RUNNING,
                2,
                1_000_000,
                START,
                null,
                List.of(mark(1, 10), mark(2, 200)),
                START.plusSeconds(100_000));
        assertTrue(slow.line().contains("less than 0.1 files per second"), slow.line());
        assertFalse(slow.line().matches(".*\\b0(\\.0)? files per second.*"), slow.line());
    }

    @Test
    void anEndedRunSaysItsStatusWordAndItsError() {
        assertEquals(
                "FAILED: 1,500 files in all – the database went away.",
                RunProgress.of(RunStatus.FAILED, 1500, 3000, START, "the database went away", List.of(), START)
                        .line());
    }

    @Test
    void timesLeftAreRoundedTheMoreTheLongerTheyAre() {
        assertEquals(5, RunProgress.roundedSeconds(0.3));
        assertEquals(25, RunProgress.roundedSeconds(23.4));
        assertEquals(150, RunProgress.roundedSeconds(139));
        assertEquals(840, RunProgress.roundedSeconds(845));
        assertEquals(7800, RunProgress.roundedSeconds(7500));
        assertEquals("2 min 30 s", RunProgress.duration(Duration.ofSeconds(150)));
        assertEquals("14 min", RunProgress.duration(Duration.ofSeconds(840)));
        assertEquals("2 h 10 min", RunProgress.duration(Duration.ofSeconds(7800)));
    }

    /** The review's run {@code seconds} after its start, with {@code batches} batches stored. */
    private static RunProgress at(int batches, double seconds) {
        List<RunProgress.Mark> marks = new ArrayList<>();
        for (int b = Math.max(1, batches - 3); b <= batches; b++) {
            marks.add(mark(500 * b, FIRST_BATCH + (b - 1) * LATER_BATCH));
        }
        return RunProgress.of(RunStatus.RUNNING, 500 * batches, 3000, START, null, marks, time(seconds));
    }

    private static RunProgress.Mark mark(int filesDone, double seconds) {
        return new RunProgress.Mark(time(seconds), filesDone);
    }

    private static Instant time(double seconds) {
        return START.plusMillis(Math.round(seconds * 1000));
    }
}
