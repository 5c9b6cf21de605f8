package io.newsarchive.admin;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two articles' texts side by side, sentence against sentence, with the words that differ marked: what an archivist
 * reads to decide a near-copy pair.
 *
 * @param rows    every sentence of either text, in order
 * @param changed how many rows differ
 */
public record SideBySide(List<Row> rows, int changed) {

    /** Text of a sentence; {@code changed} when the other side lacks or words it otherwise. */
    public record Part(String text, boolean changed) {}

    /**
     * One sentence of each text, or of one of them.
     *
     * @param same  whether the two sentences are the same
     * @param left  the sentence of the earlier-stored article, none when only the other has it
     * @param right the sentence of the other article, none when only the first has it
     */
    public record Row(boolean same, List<Part> left, List<Part> right) {}

    // marks the library puts around the differing words; no stored text holds them (ingest refuses control characters)
    private static final String START = "\u0001";
    private static final String END = "\u0002";

    private static final DiffRowGenerator ROWS = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            // Qute escapes the text: the library must not do so too
            .lineNormalizer(line -> line.replace(START, "").replace(END, ""))
            .oldTag(start -> start ? START : END)
            .newTag(start -> start ? START : END)
            .build();

    public static SideBySide of(String[] left, String[] right) {
        List<Row> rows = new ArrayList<>();
        int changed = 0;
        for (DiffRow row : ROWS.generateDiffRows(Arrays.asList(left), Arrays.asList(right))) {
            boolean same = row.getTag() == DiffRow.Tag.EQUAL;
            if (!same) {
                changed++;
            }
            rows.add(new Row(same, parts(row.getOldLine()), parts(row.getNewLine())));
        }
        return new SideBySide(rows, changed);
    }

    /** The text between the marks, each piece marked changed or not. */
    private static List<Part> parts(String line) {
        List<Part> parts = new ArrayList<>();
        boolean changed = false;
        int from = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == START.charAt(0) || c == END.charAt(0)) {
                if (i > from) {
                    parts.add(new Part(line.substring(from, i), changed));
                }
                changed = c == START.charAt(0);
                from = i + 1;
            }
        }
        if (line.length() > from) {
            parts.add(new Part(line.substring(from), changed));
        }
        return parts;
    }
}
