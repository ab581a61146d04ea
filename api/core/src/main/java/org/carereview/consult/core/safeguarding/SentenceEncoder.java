package org.carereview.consult.core.safeguarding;

/** Turns a short text into a unit-length vector whose direction carries its meaning. */
interface SentenceEncoder {

    /** A name for the model, kept beside every stored vector so that vectors of another model are made again. */
    String name();

    /** The vector, of length 1; throws if the model cannot run. */
    float[] encode(String text);
}
