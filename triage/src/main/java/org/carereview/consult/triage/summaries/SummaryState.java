package org.carereview.consult.triage.summaries;

/** Where a summary is: written but never shown, on the public page, or taken off it. */
public enum SummaryState {
    DRAFT, PUBLISHED, UNPUBLISHED
}
