package org.carereview.consult.core.submission;

/** The three channels; each writes one common {@code submission} row plus its own details. */
public enum SubmissionKind {
    CALL_FOR_ADVICE("CFA"),
    EBE_APPLICATION("EBE"),
    DEEP_DIVE_FEEDBACK("DDF");

    private final String referencePrefix;

    SubmissionKind(String referencePrefix) {
        this.referencePrefix = referencePrefix;
    }

    public String referencePrefix() {
        return referencePrefix;
    }
}
