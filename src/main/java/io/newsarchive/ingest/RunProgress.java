package io.newsarchive.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How far a run has got, as archivists read it. Files are counted when their batch is stored, so the count moves in
 * steps and the first batch (read with nothing read ahead) is slower than the others: the rate is only given from
 * the second stored batch on, over the last few batches, and the time left is projected from the last one, rounded.
 *
 * @param filesPerSecond over the recent batches, to a tenth; null until two batches are stored
 * @param secondsLeft    rounded as {@link #line} says it; null while there is no rate
 * @param line           the whole progress line, starting with the status word
 */
public record RunProgress(Double filesPerSecond, Long secondsLeft, String line) {

    /** When a batch was stored, and how many files of the run were done by then. */
    public record Mark(Instant at, int filesDone) {}

    /**
     * A run whose next batch is later than this many of its recent batch times is taken to be slowing down: the time
     * since its last batch then counts in its rate.
     */
    private static final int OVERDUE_BATCHES = 2;

    /**
     * @param marks the last few stored batches, oldest first (see {@code ingest_run.progress_marks})
     * @param now   the time the progress is told at
     */
    public static RunProgress of(
            RunStatus status,
            int filesDone,
            Integer totalFiles,
            Instant startedAt,
            String error,
            List<Mark> marks,
            Instant now) {
        String word = status.toString().toUpperCase(Locale.ROOT);
        if (status != RunStatus.RUNNING) {
            return new RunProgress(
                    null,
                    null,
                    word + ": " + grouped(filesDone) + " files in all" + (error == null ? "" : " – " + error) + ".");
        }
        String of = grouped(filesDone) + (totalFiles == null ? "" : " of " + grouped(totalFiles)) + " files";
        String elapsed = duration(Duration.between(startedAt, now));
        if (filesDone == 0) {
            return new RunProgress(
                    null,
                    null,
                    word + ": reading and checking the first files"
                            + (totalFiles == null ? "" : " of " + grouped(totalFiles)) + ", " + elapsed
                            + " so far; files are counted as each batch of them is stored.");
        }
        if (marks.size() < 2 || totalFiles == null) {
            return new RunProgress(null, null, word + ": " + of + " after " + elapsed + "; checking the next ones.");
        }
        Mark first = marks.get(0);
        Mark last = marks.get(marks.size() - 1);
        long windowMillis = Duration.between(first.at(), last.at()).toMillis();
        int windowFiles = last.filesDone() - first.filesDone();
        if (windowMillis <= 0 || windowFiles <= 0) {
            return new RunProgress(null, null, word + ": " + of + " after " + elapsed + "; checking the next ones.");
        }
        long sinceLast = Math.max(0, Duration.between(last.at(), now).toMillis());
        long batchMillis = windowMillis / (marks.size() - 1);
        boolean overdue = sinceLast > OVERDUE_BATCHES * batchMillis;
        double rate = 1000.0 * windowFiles / (overdue ? windowMillis + sinceLast : windowMillis);
        int remaining = Math.max(0, totalFiles - last.filesDone());
        double left = overdue ? remaining / rate : remaining / rate - sinceLast / 1000.0;
        Long rounded = remaining == 0 ? null : roundedSeconds(left);
        return new RunProgress(
                Math.round(rate * 10) / 10.0,
                rounded,
                word + ": " + of + " after " + elapsed + ", " + rate(rate) + " files per second, "
                        + (rounded == null ? "finishing" : left(rounded)) + ".");
    }

    /**
     * Seconds rounded the more, the more there are: to 5 s under a minute (and at least 5, said "less than 10 s"), to
     * 30 s under 10 minutes, to the minute under an hour, then to 10 minutes.
     */
    static long roundedSeconds(double seconds) {
        long step = seconds < 60 ? 5 : seconds < 600 ? 30 : seconds < 3600 ? 60 : 600;
        return Math.max(5, Math.round(seconds / step) * step);
    }

    private static String left(long seconds) {
        return seconds < 10 ? "less than 10 s left" : "about " + duration(Duration.ofSeconds(seconds)) + " left";
    }

    /** "8 s", "2 min 30 s", "1 h 10 min": whole seconds, and no seconds from an hour on. */
    static String duration(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long minutes = s / 60 % 60;
        return s / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }

    /** Whole files per second from 10 on, a tenth below, and never a rounded 0. */
    private static String rate(double rate) {
        return rate >= 10
                ? grouped(Math.round(rate))
                : rate >= 0.1 ? String.format(Locale.ROOT, "%.1f", rate) : "less than 0.1";
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
