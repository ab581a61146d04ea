package org.carereview.consult.web.account;

import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;

/** How a person's own submissions are described to them: what each one is, its status and dates, in plain words. */
final class SubmissionWords {

    private SubmissionWords() {
    }

    static String kind(SubmissionKind kind) {
        return switch (kind) {
            case CALL_FOR_ADVICE -> "Advice to the review";
            case EBE_APPLICATION -> "Application to join the Experts by Experience group";
            case DEEP_DIVE_FEEDBACK -> "Feedback from a deep dive";
        };
    }

    /**
     * The status as the sender may see it. A quarantined submission reads "Received", like any other:
     * a bot must learn nothing from it.
     */
    static String status(SubmissionStatus status) {
        return switch (status) {
            case NEW, QUARANTINED -> "Received";
            case IN_REVIEW -> "Being read";
            case ACTIONED -> "Read and acted on";
            case ARCHIVED -> "Read by the review";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    /** GOV.UK tag colour for the status. */
    static String statusClasses(SubmissionStatus status) {
        return switch (status) {
            case NEW, QUARANTINED -> "govuk-tag--blue";
            case IN_REVIEW -> "govuk-tag--light-blue";
            case ACTIONED, ARCHIVED -> "govuk-tag--green";
            case WITHDRAWN -> "govuk-tag--grey";
        };
    }

    /** A date as GOV.UK writes it, in UK time: "23 November 2026". */
    static String date(Instant instant) {
        return org.carereview.consult.web.Dates.day(instant);
    }
}
