package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;

/**
 * Why a submission was held back from the triage queue as possible spam (status QUARANTINED, ADR 0006), as every
 * channel records it and staff read it. Stored by name in {@code submission.quarantine_reason}.
 */
public enum QuarantineReason {

    /** A field people never see (it is hidden from them) was filled in: a bot. */
    HONEYPOT("Filled in a hidden field that people never see"),
    /** Sent sooner after the form was opened than a person could read the questions. */
    TOO_FAST("Sent faster than a person could read the questions");

    /** What staff read for a reason this version does not know, or none recorded. */
    static final String UNKNOWN = "Possible spam";

    private final String description;

    QuarantineReason(String description) {
        this.description = description;
    }

    /** The reason in staff's words. */
    public String description() {
        return description;
    }

    /** The stored reason in staff's words; "Possible spam" when it is missing or not one of these. */
    public static String describe(@Nullable String stored) {
        return Arrays.stream(values()).filter(r -> r.name().equals(stored)).findFirst()
                .map(QuarantineReason::description).orElse(UNKNOWN);
    }
}
