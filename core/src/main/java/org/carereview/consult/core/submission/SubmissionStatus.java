package org.carereview.consult.core.submission;

/** The triage status, the same for every kind of submission. */
public enum SubmissionStatus {
    NEW, IN_REVIEW, ACTIONED, ARCHIVED, QUARANTINED, WITHDRAWN;

    /**
     * Whether a submission with this status is live: neither held back as possible spam (QUARANTINED) nor taken
     * back by its sender (WITHDRAWN). Only live submissions are in the queue, counted, suggested, scored or quoted;
     * {@link LiveSubmissions} is the same rule in SQL.
     */
    public boolean live() {
        return this != QUARANTINED && this != WITHDRAWN;
    }
}
