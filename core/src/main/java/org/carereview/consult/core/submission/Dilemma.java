package org.carereview.consult.core.submission;

/** The review's three dilemmas (seeded in the {@code dilemma} table with the same codes). */
public enum Dilemma {
    HELP_AND_PROTECTION,
    LOCAL_REGIONAL_NATIONAL,
    FREEDOM_AND_RESPONSIBILITY
}
