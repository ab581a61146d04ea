package org.carereview.consult.core.intake;

/** One row a new submission writes, and its kind ({@link Rows#of}). */
public record Row<R>(Rows<R> kind, R value) {
}
