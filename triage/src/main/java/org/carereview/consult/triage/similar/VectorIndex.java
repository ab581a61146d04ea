package org.carereview.consult.triage.similar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * One unit vector per submission, int8-quantised into one big {@code byte[]} (384 bytes and a float scale each:
 * about 40 MB for 100,000, where floats would take 150 MB), searched exhaustively: every query scores every vector
 * (a dot product of bytes, about 17 ms for 100,000 on one core), so the nearest are exact up to quantisation.
 * Holds ids and vectors only: nothing here says whether a submission still exists or who may see it. Not
 * thread-safe: {@link SimilarIndex} guards it.
 */
final class VectorIndex {

    /** A neighbour and its cosine similarity (approximately: both vectors are quantised). */
    record Scored(UUID id, float similarity) {
    }

    private final int dims;
    private byte[] vectors;
    private float[] scales;
    private UUID[] ids;
    private final Map<UUID, Integer> slots = new HashMap<>();
    private int size;

    VectorIndex(int dims, int capacity) {
        this.dims = dims;
        int start = Math.max(capacity, 16);
        this.vectors = new byte[start * dims];
        this.scales = new float[start];
        this.ids = new UUID[start];
    }

    int size() {
        return size;
    }

    int dims() {
        return dims;
    }

    boolean contains(UUID id) {
        return slots.containsKey(id);
    }

    /** Adds the submission's vector, or replaces it (its answers were embedded again). Ignores a zero vector. */
    void put(UUID id, float[] unit) {
        if (unit.length != dims) {
            throw new IllegalArgumentException("a vector of " + unit.length + " where " + dims + " were expected");
        }
        float max = 0f;
        for (float v : unit) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0f) {
            return;
        }
        Integer slot = slots.get(id);
        if (slot == null) {
            grow();
            slot = size++;
            slots.put(id, slot);
            ids[slot] = id;
        }
        int offset = slot * dims;
        for (int i = 0; i < dims; i++) {
            vectors[offset + i] = (byte) Math.round(unit[i] / max * 127f);
        }
        scales[slot] = max / 127f;
    }

    /** The quantised vector of this submission, as floats; null when it is not here. */
    float[] vectorOf(UUID id) {
        Integer slot = slots.get(id);
        if (slot == null) {
            return null;
        }
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = vectors[slot * dims + i] * scales[slot];
        }
        return v;
    }

    /** The {@code k} nearest to {@code query} (unit length), most similar first, leaving out {@code self}. */
    List<Scored> nearest(float[] query, UUID self, int k) {
        float max = 0f;
        for (float v : query) {
            max = Math.max(max, Math.abs(v));
        }
        byte[] q = new byte[dims];
        for (int i = 0; i < dims; i++) {
            q[i] = max == 0f ? 0 : (byte) Math.round(query[i] / max * 127f);
        }
        float queryScale = max / 127f;
        Integer skip = slots.get(self);
        PriorityQueue<double[]> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a[0], b[0]));
        for (int slot = 0; slot < size; slot++) {
            if (skip != null && slot == skip) {
                continue;
            }
            float score = dot(q, slot * dims) * scales[slot] * queryScale;
            if (best.size() < k) {
                best.add(new double[]{score, slot});
            } else if (score > best.peek()[0]) {
                best.poll();
                best.add(new double[]{score, slot});
            }
        }
        List<Scored> found = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            double[] top = best.poll();
            found.add(new Scored(ids[(int) top[1]], (float) Math.max(-1.0, Math.min(1.0, top[0]))));
        }
        Collections.reverse(found);
        return found;
    }

    /** Bytes held by the arrays and the id map (an estimate of the map's entries: 80 bytes each with their UUID). */
    long heapBytes() {
        return (long) vectors.length + 4L * scales.length + 4L * ids.length + 80L * slots.size();
    }

    private int dot(byte[] q, int offset) {
        int sum = 0;
        for (int i = 0; i < dims; i++) {
            sum += vectors[offset + i] * q[i];
        }
        return sum;
    }

    private void grow() {
        if (size < scales.length) {
            return;
        }
        int capacity = scales.length + (scales.length >> 1);
        vectors = Arrays.copyOf(vectors, capacity * dims);
        scales = Arrays.copyOf(scales, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }
}
