package org.carereview.consult.triage;

import io.micronaut.http.HttpStatus;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.submission.SubmissionStatus;

/**
 * The triage status moves: NEW → IN_REVIEW → ACTIONED or ARCHIVED, and back to IN_REVIEW to reopen.
 * QUARANTINED leaves only by release or delete; WITHDRAWN is final.
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** The statuses a submission may move to from {@code from}, in order (none for QUARANTINED or WITHDRAWN). */
    public static java.util.List<SubmissionStatus> nextFrom(SubmissionStatus from) {
        return java.util.Arrays.stream(SubmissionStatus.values()).filter(to -> to != from && allowed(from, to)).toList();
    }

    static boolean allowed(SubmissionStatus from, SubmissionStatus to) {
        if (from == to) {
            return true;
        }
        return switch (from) {
            case NEW -> to == SubmissionStatus.IN_REVIEW;
            case IN_REVIEW -> to == SubmissionStatus.ACTIONED || to == SubmissionStatus.ARCHIVED;
            case ACTIONED, ARCHIVED -> to == SubmissionStatus.IN_REVIEW;
            case QUARANTINED, WITHDRAWN -> false;
        };
    }

    static void requireChangeable(SubmissionStatus current) {
        if (current == SubmissionStatus.WITHDRAWN) {
            throw new ProblemException(HttpStatus.CONFLICT, "withdrawn", "Withdrawn",
                    "The person withdrew this submission: it cannot be changed.");
        }
        if (current == SubmissionStatus.QUARANTINED) {
            throw new ProblemException(HttpStatus.CONFLICT, "quarantined", "Quarantined",
                    "Release or delete this quarantined submission first.");
        }
    }

    static void requireAllowed(SubmissionStatus from, SubmissionStatus to) {
        if (!allowed(from, to)) {
            throw new ProblemException(HttpStatus.CONFLICT, "status-change-not-allowed", "Status change not allowed",
                    "A submission cannot move from " + from + " to " + to + ".");
        }
    }
}
