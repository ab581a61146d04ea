package org.carereview.consult.triage.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups copy-and-paste campaigns: texts that share most of their word 3-shingles, even after small edits. Each
 * text's MinHash signature is cut into {@link #BANDS} bands of {@link #ROWS} values; texts that agree on a whole
 * band are candidates (locality-sensitive hashing), and a candidate whose estimated similarity reaches
 * {@link #THRESHOLD} joins the other's group (union-find, so a group is every text linked by such pairs). A text
 * is checked against at most the {@link #SCAN_PER_BUCKET} texts added just before it with the same band, so a big
 * campaign costs no more per text than a small one. Texts of fewer than {@link #MIN_WORDS} words are never grouped:
 * "I agree" from many people is not a campaign. Not thread-safe: one writer.
 *
 * <p>Small at national scale: {@link #add} keeps only each text's signature, 16 bits a value (256 bytes a text;
 * two different minima agree on those 16 bits once in 65,536 places, which moves no estimate that matters), and
 * {@link #groups} finds each band's candidates by sorting one band at a time, so the buckets are never all held at
 * once. (Holding every band's buckets as maps of lists took about 10 KB a text: at 124,000 submissions a regroup ran
 * a 256 MB heap out of memory.)
 */
final class CampaignIndex<K> {

    static final int BANDS = 64;
    static final int ROWS = MinHash.SIZE / BANDS;
    static final double THRESHOLD = 0.35;
    static final int MIN_WORDS = 12;
    static final int SCAN_PER_BUCKET = 64;

    /** Signatures are kept in blocks of this many texts (half a megabyte each), so growing never copies them. */
    private static final int BLOCK = 2048;

    private final List<K> keys = new ArrayList<>();
    private final List<char[]> blocks = new ArrayList<>();
    private final BitSet grouped = new BitSet();

    /** Adds a text; it is grouped with the others by {@link #groups}. */
    void add(K key, String text) {
        int self = keys.size();
        keys.add(key);
        if (self % BLOCK == 0) {
            blocks.add(new char[BLOCK * MinHash.SIZE]);
        }
        if (Shingles.words(text).length < MIN_WORDS) {
            return;
        }
        grouped.set(self);
        int[] signature = MinHash.signature(Shingles.of(text));
        char[] block = blocks.get(self / BLOCK);
        int at = self % BLOCK * MinHash.SIZE;
        for (int i = 0; i < MinHash.SIZE; i++) {
            block[at + i] = (char) (signature[i] >>> 15);
        }
    }

    /** Every group of at least {@code minSize} texts, each as its keys in the order they were added. */
    List<List<K>> groups(int minSize) {
        int n = keys.size();
        UnionFind sets = new UnionFind(n);
        long[] bucketed = new long[n];
        for (int b = 0; b < BANDS; b++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (grouped.get(i)) {
                    bucketed[m++] = (long) band(i, b) << 32 | i;
                }
            }
            Arrays.sort(bucketed, 0, m);
            linkCandidates(bucketed, m, sets);
        }
        Map<Integer, List<K>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (sets.size(i) >= minSize) {
                byRoot.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(keys.get(i));
            }
        }
        return new ArrayList<>(byRoot.values());
    }

    /** Within each run of one band value (texts in the order added), each text against the ones just before it. */
    private void linkCandidates(long[] bucketed, int m, UnionFind sets) {
        int start = 0;
        for (int j = 1; j <= m; j++) {
            if (j < m && bucketed[j] >>> 32 == bucketed[start] >>> 32) {
                continue;
            }
            for (int a = start + 1; a < j; a++) {
                int self = (int) bucketed[a];
                for (int c = a - 1; c >= start && c >= a - SCAN_PER_BUCKET; c--) {
                    int other = (int) bucketed[c];
                    if (sets.find(other) != sets.find(self) && similarity(self, other) >= THRESHOLD) {
                        sets.union(self, other);
                    }
                }
            }
            start = j;
        }
    }

    private int band(int text, int b) {
        char[] block = blocks.get(text / BLOCK);
        int at = text % BLOCK * MinHash.SIZE + b * ROWS;
        int h = b;
        for (int r = 0; r < ROWS; r++) {
            h = h * 0x01000193 ^ block[at + r];
        }
        return h;
    }

    private double similarity(int a, int b) {
        char[] blockA = blocks.get(a / BLOCK);
        char[] blockB = blocks.get(b / BLOCK);
        int atA = a % BLOCK * MinHash.SIZE;
        int atB = b % BLOCK * MinHash.SIZE;
        int same = 0;
        for (int i = 0; i < MinHash.SIZE; i++) {
            if (blockA[atA + i] == blockB[atB + i]) {
                same++;
            }
        }
        return (double) same / MinHash.SIZE;
    }

    /** Disjoint sets over 0..n-1 in two int arrays: parent and, for a root, its set's size. */
    private static final class UnionFind {

        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int i) {
            int root = i;
            while (parent[root] != root) {
                root = parent[root];
            }
            while (parent[i] != root) {
                int next = parent[i];
                parent[i] = root;
                i = next;
            }
            return root;
        }

        int size(int i) {
            return size[find(i)];
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
