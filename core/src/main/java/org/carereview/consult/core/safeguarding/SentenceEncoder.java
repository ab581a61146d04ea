package org.carereview.consult.core.safeguarding;

/**
 * Turns a short text into a unit-length vector whose direction carries its meaning. One instance (the model
 * loaded once, {@link EncoderFactory}) serves the learned check and the answers' embeddings
 * ({@code core.embedding}); it is safe to call from several threads.
 */
public interface SentenceEncoder {

    /** A name for the model, kept beside every stored vector so that vectors of another model are made again. */
    String name();

    /** The vector, of length 1; throws if the model cannot run. */
    float[] encode(String text);
}
