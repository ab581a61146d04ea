package org.carereview.consult.core.safeguarding;

/**
 * The service's own sentence model for triage's tests and benchmarks, built outside Micronaut the way core's
 * {@code EmbeddingBenchmark} builds it: this class sits in core's package (test sources only) because the encoder
 * is package-private there. The model ships inside a Maven artifact; nothing is downloaded.
 */
public final class RealEncoder {

    private static SentenceEncoder loaded;

    private RealEncoder() {
    }

    public static synchronized SentenceEncoder get() {
        if (loaded == null) {
            loaded = new MiniLmEncoder();
        }
        return loaded;
    }
}
