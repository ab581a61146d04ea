package org.carereview.consult.triage.campaigns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups copy-and-paste campaigns: texts that share most of their word 3-shingles, even after small edits. Each
 * text's MinHash signature is cut into {@link #BANDS} bands of {@link #ROWS} values; texts that agree on a whole
 * band are candidates (locality-sensitive hashing), and a candidate whose estimated similarity reaches
 * {@link #THRESHOLD} joins the other's group (union-find, so a group is every text linked by such pairs). A text
 * is checked against at most {@link #SCAN_PER_BUCKET} others per band, so adding one stays fast however big a
 * campaign grows. Texts of fewer than {@link #MIN_WORDS} words are never grouped: "I agree" from many people is not
 * a campaign. Not thread-safe: one writer.
 */
final class CampaignIndex<K> {

    static final int BANDS = 64;
    static final int ROWS = MinHash.SIZE / BANDS;
    static final double THRESHOLD = 0.35;
    static final int MIN_WORDS = 12;
    static final int SCAN_PER_BUCKET = 64;

    private final List<K> keys = new ArrayList<>();
    private final List<int[]> signatures = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final List<Integer> size = new ArrayList<>();
    private final List<Map<Long, List<Integer>>> buckets = new ArrayList<>();

    CampaignIndex() {
        for (int b = 0; b < BANDS; b++) {
            buckets.add(new HashMap<>());
        }
    }

    /** Adds a text and links it to any group it matches; answers the size of its group (1: none). */
    int add(K key, String text) {
        int self = keys.size();
        keys.add(key);
        parent.add(self);
        size.add(1);
        if (Shingles.words(text).length < MIN_WORDS) {
            signatures.add(null);
            return 1;
        }
        int[] signature = MinHash.signature(Shingles.of(text));
        signatures.add(signature);
        for (int b = 0; b < BANDS; b++) {
            List<Integer> bucket = buckets.get(b).computeIfAbsent(band(signature, b), x -> new ArrayList<>());
            int scanned = 0;
            for (int i = bucket.size() - 1; i >= 0 && scanned < SCAN_PER_BUCKET; i--, scanned++) {
                int other = bucket.get(i);
                if (find(other) != find(self) && MinHash.similarity(signature, signatures.get(other)) >= THRESHOLD) {
                    union(self, other);
                }
            }
            bucket.add(self);
        }
        return size.get(find(self));
    }

    /** The size of the key's group (1 when it is in none). */
    int groupSize(int index) {
        return size.get(find(index));
    }

    /** Every group of at least {@code minSize} texts, each as its keys in the order they were added. */
    List<List<K>> groups(int minSize) {
        Map<Integer, List<K>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (size.get(find(i)) >= minSize) {
                byRoot.computeIfAbsent(find(i), r -> new ArrayList<>()).add(keys.get(i));
            }
        }
        return new ArrayList<>(byRoot.values());
    }

    private static long band(int[] signature, int b) {
        long h = b;
        for (int r = 0; r < ROWS; r++) {
            h = h * 0x100000001b3L ^ signature[b * ROWS + r];
        }
        return h;
    }

    private int find(int i) {
        int root = i;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(i) != root) {
            int next = parent.get(i);
            parent.set(i, root);
            i = next;
        }
        return root;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size.get(ra) < size.get(rb)) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent.set(rb, ra);
        size.set(ra, size.get(ra) + size.get(rb));
    }
}
