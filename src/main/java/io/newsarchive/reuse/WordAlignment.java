package io.newsarchive.reuse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where two sentences share a passage, word by word: the longest common run of words, then the longest on each side
 * of it, and so on (as Python's difflib matches sequences). Runs of one word are chance. The shared passage spans
 * the runs; its ends are trimmed until the runs cover at least {@value #DENSITY} of it on both sides, so that two
 * sentences that only share a name and a few common words at both ends are not one passage.
 *
 * @param aFrom first word of the passage in the first sentence
 * @param aTo word after its last in the first sentence
 * @param bFrom first word of the passage in the second sentence
 * @param bTo word after its last in the second sentence
 * @param matched how many of its words both sentences have in the same order
 */
public record WordAlignment(int aFrom, int aTo, int bFrom, int bTo, int matched) {

    static final double DENSITY = 0.8;
    /** Of the matched words, at least this many are not stopwords: eight shared common words are no passage. */
    static final int MIN_TELLING_WORDS = 4;

    private record Block(int a, int b, int size) {}

    /** The matched words over the longer of the passage's two spans: 1 when both sentences word it the same. */
    public double score() {
        return (double) matched / Math.max(aTo - aFrom, bTo - bFrom);
    }

    /** The passage the sentences share, when they share one of at least {@link PassageKeys#MIN_WORDS} words. */
    public static Optional<WordAlignment> of(List<String> a, List<String> b) {
        List<Block> blocks = new ArrayList<>(matchingBlocks(a, b));
        blocks.removeIf(block -> block.size() < 2);
        blocks.sort(Comparator.comparingInt(Block::a));
        while (!blocks.isEmpty()) {
            Block first = blocks.get(0);
            Block last = blocks.get(blocks.size() - 1);
            int spanA = last.a() + last.size() - first.a();
            int spanB = last.b() + last.size() - first.b();
            int matched = blocks.stream().mapToInt(Block::size).sum();
            if (matched >= DENSITY * spanA && matched >= DENSITY * spanB) {
                if (matched < PassageKeys.MIN_WORDS || telling(a, blocks) < MIN_TELLING_WORDS) {
                    return Optional.empty();
                }
                return Optional.of(new WordAlignment(
                        first.a(), last.a() + last.size(), first.b(), last.b() + last.size(), matched));
            }
            blocks.remove(first.size() < last.size() ? 0 : blocks.size() - 1);
        }
        return Optional.empty();
    }

    private static int telling(List<String> a, List<Block> blocks) {
        int telling = 0;
        for (Block block : blocks) {
            for (String w : a.subList(block.a(), block.a() + block.size())) {
                telling += PassageKeys.STOPWORDS.contains(w) ? 0 : 1;
            }
        }
        return telling;
    }

    /** The runs both sentences share, none crossing another. */
    private static List<Block> matchingBlocks(List<String> a, List<String> b) {
        Map<String, List<Integer>> positionsInB = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            positionsInB.computeIfAbsent(b.get(j), w -> new ArrayList<>()).add(j);
        }
        List<Block> blocks = new ArrayList<>();
        Deque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, a.size(), 0, b.size()});
        while (!ranges.isEmpty()) {
            int[] r = ranges.pop();
            Block longest = longestRun(a, positionsInB, r[0], r[1], r[2], r[3]);
            if (longest.size() > 0) {
                blocks.add(longest);
                if (r[0] < longest.a() && r[2] < longest.b()) {
                    ranges.push(new int[] {r[0], longest.a(), r[2], longest.b()});
                }
                if (longest.a() + longest.size() < r[1] && longest.b() + longest.size() < r[3]) {
                    ranges.push(new int[] {longest.a() + longest.size(), r[1], longest.b() + longest.size(), r[3]});
                }
            }
        }
        return blocks;
    }

    private static Block longestRun(
            List<String> a, Map<String, List<Integer>> positionsInB, int aFrom, int aTo, int bFrom, int bTo) {
        int bestA = aFrom;
        int bestB = bFrom;
        int best = 0;
        // runs ending at each position of b, for the previous word of a and for this one
        int[] previous = new int[bTo - bFrom + 1];
        int[] current = new int[bTo - bFrom + 1];
        for (int i = aFrom; i < aTo; i++) {
            Arrays.fill(current, 0);
            for (int j : positionsInB.getOrDefault(a.get(i), List.of())) {
                if (j < bFrom) {
                    continue;
                }
                if (j >= bTo) {
                    break;
                }
                int run = (j > bFrom ? previous[j - bFrom - 1] : 0) + 1;
                current[j - bFrom] = run;
                if (run > best) {
                    best = run;
                    bestA = i - run + 1;
                    bestB = j - run + 1;
                }
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new Block(bestA, bestB, best);
    }
}
