package io.newsarchive.reuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys under which a passage is found again however another outlet wrote it: min-hash sketches of its words.
 * For each of {@value #BANDS} bands, the words of a passage are ranked by a hash seeded for that band; the set of its
 * three lowest-ranked words (stopwords aside) is the band's key. Another rendering of the passage (other quote marks
 * or case, another comma) has the same words and so the same keys; one with a word added or dropped still shares
 * three of its four lowest-ranked words, so it is looked up under every three of those four as well (in the
 * first band).
 *
 * <p>The hashes are fixed here (FNV-1a then MurmurHash3's finalizer) because stored keys must be found again by
 * every later version of this code; changing them needs a migration that empties the reuse tables.
 */
public final class PassageKeys {

    /** A passage is at least this many words: shorter runs are common phrases, not reuse. */
    public static final int MIN_WORDS = 8;

    static final int BANDS = 2;
    private static final int PICKED = 3;
    private static final long[] SEEDS = {0x9e3779b97f4a7c15L, 0xc2b2ae3d27d4eb4fL};

    /**
     * Common English words, left out of the keys so that they rank the words that tell passages apart. They still
     * count in the alignment that confirms a match.
     */
    static final Set<String> STOPWORDS = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "few",
            "for",
            "from",
            "further",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "me",
            "more",
            "most",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "said",
            "same",
            "says",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "yours",
            "yourself");

    /**
     * One passage of an article: the words {@code [from, to)} of one sentence.
     *
     * @param stored the keys stored for it, one a band
     * @param lookup the keys it is looked up under: the stored ones and their variants for a word added or dropped
     */
    public record Unit(int sentence, int from, int to, int[] stored, int[] lookup) {}

    private PassageKeys() {}

    /** Every key the units are looked up under. */
    public static Set<Integer> lookupKeys(List<Unit> units) {
        Set<Integer> keys = new HashSet<>();
        for (Unit u : units) {
            for (int k : u.lookup()) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * The passages of an article and their keys: each sentence of at least {@value #MIN_WORDS} words, and each
     * quoted stretch of that many words that is not the whole sentence.
     */
    public static List<Unit> units(List<SentenceWords> sentences) {
        List<Unit> units = new ArrayList<>();
        for (int n = 0; n < sentences.size(); n++) {
            List<String> words = sentences.get(n).words();
            if (words.size() >= MIN_WORDS) {
                units.add(unit(n, 0, words.size(), words));
            }
            for (SentenceWords.Stretch s : sentences.get(n).stretches()) {
                if (s.length() >= MIN_WORDS && s.length() < words.size()) {
                    units.add(unit(n, s.from(), s.to(), words));
                }
            }
        }
        return units;
    }

    /**
     * The keys of a run of words, or none when it has fewer than three different words besides stopwords: keys of
     * common words would find candidates in every article, and a passage needs telling words to be confirmed.
     */
    static Unit unit(int sentence, int from, int to, List<String> words) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String w : words.subList(from, to)) {
            if (!STOPWORDS.contains(w)) {
                distinct.add(w);
            }
        }
        if (distinct.size() < PICKED) {
            return new Unit(sentence, from, to, new int[0], new int[0]);
        }
        long[] base = distinct.stream().mapToLong(PassageKeys::fnv).toArray();
        int[] stored = new int[BANDS];
        List<Integer> lookup = new ArrayList<>();
        for (int band = 0; band < BANDS; band++) {
            long[] ranked = new long[base.length];
            for (int i = 0; i < base.length; i++) {
                ranked[i] = fmix(base[i] ^ SEEDS[band]);
            }
            Arrays.sort(ranked);
            long[] lowest = Arrays.copyOf(ranked, Math.min(PICKED + 1, ranked.length));
            stored[band] = key(band, lowest, -1);
            lookup.add(stored[band]);
            // variants in the first band only: in both, they found 0.1 % more shared quotes for 60 % more lookups
            if (lowest.length > PICKED && band == 0) {
                for (int left = 0; left < PICKED; left++) {
                    lookup.add(key(band, lowest, left));
                }
            }
        }
        return new Unit(
                sentence,
                from,
                to,
                stored,
                lookup.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The key of the three lowest of {@code lowest} (ascending), or of the four but {@code left} when it is set. */
    private static int key(int band, long[] lowest, int left) {
        long h = SEEDS[band];
        int taken = 0;
        for (int i = 0; i < lowest.length && taken < PICKED; i++) {
            if (i != left) {
                h = fmix(h ^ lowest[i]) * 0x100000001b3L;
                taken++;
            }
        }
        h = fmix(h);
        return (int) (h ^ (h >>> 32));
    }

    private static long fnv(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer: every bit of the input moves every bit of the output. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
