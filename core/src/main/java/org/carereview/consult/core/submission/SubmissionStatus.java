package org.carereview.consult.core.submission;

/** The triage status, the same for every kind of submission. */
public enum SubmissionStatus {
    NEW, IN_REVIEW, ACTIONED, ARCHIVED, QUARANTINED, WITHDRAWN
}
