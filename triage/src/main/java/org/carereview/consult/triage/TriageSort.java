package org.carereview.consult.triage;

/** How the queue is ordered; RELEVANCE needs a search. */
public enum TriageSort {
    NEWEST, OLDEST, RELEVANCE
}
